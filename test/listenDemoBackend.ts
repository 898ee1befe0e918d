import type { AddressInfo } from 'node:net'
import { createDemoBackend, type DemoBackendOptions } from '../app-example/demo-backend/createDemoBackend'

/**
 * The demo backend in this process on a free port of 127.0.0.1, so a test or the bench can
 * read its stats, revoke its sessions, or stop it and start it again on the same port.
 */
export async function listenDemoBackend(options: DemoBackendOptions) {
  const demo = createDemoBackend(options)
  await new Promise<void>((resolve) => demo.server.listen(0, '127.0.0.1', resolve))
  const { port } = demo.server.address() as AddressInfo
  const stop = () =>
    new Promise<void>((resolve) => {
      demo.server.close(() => resolve())
      demo.server.closeAllConnections()
    })
  const restart = () => new Promise<void>((resolve) => demo.server.listen(port, '127.0.0.1', resolve))
  return { demo, url: `http://127.0.0.1:${port}`, stop, restart }
}

import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import type { TestProject } from 'vitest/node'
import { chromiumPath } from '../chromium'

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
    chromiumPath: string
  }
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })

async function waitForApp(url: string, app: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`The example app exited with ${app.exitCode} before answering; see its output above.`)
    const ready = await fetch(url).then((response) => response.ok, () => false)
    if (ready) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`The example app did not answer at ${url} within ${timeoutMs / 1000} s.`)
}

/** Builds and starts the example app with its demo backend through `npm start`'s own script. */
export default async function setup(project: TestProject) {
  const executablePath = chromiumPath()
  const [port, backendPort] = [await freePort(), await freePort()]
  const baseURL = `http://localhost:${port}`
  // The tests need the demo backend, whatever the shell points at.
  const { AUTH_BACKEND_URL: _external, AUTH_BACKEND_CONFIG: _shape, ...appEnv } = process.env
  const app = spawn(process.execPath, ['scripts/example.mjs', 'start'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...appEnv, PORT: String(port), DEMO_BACKEND_PORT: String(backendPort), NEXT_TELEMETRY_DISABLED: '1' },
  })
  const stop = () => {
    if (app.exitCode === null && app.pid) process.kill(-app.pid, 'SIGTERM')
  }
  try {
    await waitForApp(baseURL, app, 240_000)
  } catch (error) {
    stop()
    throw error
  }
  project.provide('baseURL', baseURL)
  project.provide('chromiumPath', executablePath)
  return stop
}

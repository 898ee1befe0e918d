import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })

export async function waitForApp(url: string, app: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`The example app exited with ${app.exitCode} before answering; see its output above.`)
    // Any answer will do: an app that cannot serve sessions (no secret) still answers, with an error.
    const ready = await fetch(url).then(
      () => true,
      () => false,
    )
    if (ready) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`The example app did not answer at ${url} within ${timeoutMs / 1000} s.`)
}

const EXAMPLE_APP = fileURLToPath(new URL('../../app-example/', import.meta.url))

/**
 * Serves a built Next.js app — the example app, already built by the global setup, unless
 * `appDir` names another — against the given backend: one `next start` process in production
 * mode, stopped with `stop()` (which resolves once the process has exited); its stderr is passed on and kept for `log()`. `env` adds to (or, with `undefined`, removes from) its environment.
 */
export async function serveBuiltApp(
  backendUrl: string,
  { appDir = EXAMPLE_APP, env: extra = {} }: { appDir?: string; env?: Record<string, string | undefined> } = {},
) {
  const port = await freePort()
  const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next')
  const { AUTH_BACKEND_CONFIG: _shape, ...inherited } = process.env
  const env: Record<string, string | undefined> = {
    ...inherited,
    NODE_ENV: 'production',
    AUTH_BACKEND_URL: backendUrl,
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    NEXT_TELEMETRY_DISABLED: '1',
    ...extra,
  }
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name]
  const app = spawn(process.execPath, [nextBin, 'start', '-p', String(port)], { cwd: appDir, stdio: ['ignore', 'ignore', 'pipe'], env })
  const exited = new Promise<void>((resolve) => app.once('exit', () => resolve()))
  let errorOutput = ''
  app.stderr.on('data', (chunk: Buffer) => {
    errorOutput += chunk
    process.stderr.write(chunk)
  })
  const baseURL = `http://localhost:${port}`
  await waitForApp(baseURL, app, 60_000)
  /** What the app has written to stderr so far: the operator's log. */
  const log = () => errorOutput
  return { baseURL, port, log, pid: app.pid!, stop: () => (app.kill('SIGTERM'), exited) }
}

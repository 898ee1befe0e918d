import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const MAIN = fileURLToPath(new URL('../../app-example/demo-backend/main.ts', import.meta.url))

/**
 * The example's demo backend as a process of its own (`demo-backend/main.ts`) on a free port of
 * 127.0.0.1, as `npm start` runs it, so that a test can stall it the way a long GC pause or a
 * stuck database does: `pause()` (SIGSTOP) leaves it accepting connections and queueing
 * requests, and `resume()` (SIGCONT) lets it answer them all.
 */
export async function startDemoBackendProcess({
  accessTokenTtl,
  refreshTokenTtl = 3_600,
}: {
  accessTokenTtl: number
  refreshTokenTtl?: number
}) {
  // tsx as a loader, not its CLI: the CLI runs the script in a child process, which a signal to it would miss.
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      DEMO_BACKEND_PORT: '0',
      DEMO_ACCESS_TOKEN_TTL: String(accessTokenTtl),
      DEMO_REFRESH_TOKEN_TTL: String(refreshTokenTtl),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk
      const listening = /listening on (http:\/\/\S+)/.exec(output)
      if (listening) resolve(listening[1]!)
    })
    child.once('exit', (code) => reject(new Error(`the demo backend exited with ${code} before it listened: ${output}`)))
  })
  return {
    url,
    pause: () => child.kill('SIGSTOP'),
    resume: () => child.kill('SIGCONT'),
    stop: () =>
      new Promise<void>((resolve) => {
        process.off('exit', killOnExit)
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGCONT')
        child.kill('SIGKILL')
      }),
  }
}

import { spawn } from 'node:child_process'
import { freePort } from '../e2e/appProcess'

export interface RedisServer {
  url: string
  /** Freezes the server (SIGSTOP): it still accepts connections and answers nothing, as a stuck server does. */
  pause(): void
  resume(): void
  /** Stops the process; resolves once it has exited. */
  stop(): Promise<void>
}

const INSTALL_HINT = "install Debian's redis-server (apt-get install -y redis-server)"

/**
 * Starts Debian's `redis-server` (or `REDIS_SERVER`) on a free port of 127.0.0.1, in memory only
 * (no snapshot, no append-only file); resolves once it accepts connections.
 */
export async function startRedis(): Promise<RedisServer> {
  const binary = process.env.REDIS_SERVER || 'redis-server'
  const port = await freePort()
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await new Promise<void>((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`redis-server did not start within 10 s:\n${output}`)), 10_000)
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      output += chunk
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer)
        child.stdout.resume()
        resolve()
      }
    })
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(new Error(`${binary} could not be started (${error.message}): ${INSTALL_HINT}.`))
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`redis-server exited with ${code} before it was ready:\n${output}`))
    })
  })
  child.removeAllListeners('error')
  child.on('error', () => {})
  return {
    url: `redis://127.0.0.1:${port}`,
    pause: () => void child.kill('SIGSTOP'),
    resume: () => void child.kill('SIGCONT'),
    async stop() {
      process.removeListener('exit', killOnExit)
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGCONT')
        child.kill('SIGTERM')
      }
      await exited
    },
  }
}

import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { freePort } from '../e2e/appProcess'

export interface DjangoBackend {
  baseUrl: string
  stop(): Promise<void>
}

const SCRIPT = fileURLToPath(new URL('./django/simplejwt_backend.py', import.meta.url))
const READY = /django simplejwt backend listening on (http:\/\/\S+)/
const INSTALL_HINT = "install Debian's python3-djangorestframework-simplejwt (apt-get install -y python3-djangorestframework-simplejwt)"
const STDERR_LINES_KEPT = 20

/**
 * Starts the real Django REST framework + simplejwt backend in
 * `test/backends/django/simplejwt_backend.py` on a free port of 127.0.0.1: a fresh SQLite
 * database holding one user, `ada` / `correct-horse`, in the group `staff`. `rotate` turns on
 * `ROTATE_REFRESH_TOKENS` and `BLACKLIST_AFTER_ROTATION`; access tokens live `accessSeconds`
 * (default 5). Runs Debian's `/usr/bin/python3`, or `DJANGO_PYTHON` if set; resolves once the
 * backend listens, and `stop()` resolves once its process has exited.
 */
export async function startDjangoBackend(options: { rotate: boolean; accessSeconds?: number }): Promise<DjangoBackend> {
  const python = process.env.DJANGO_PYTHON || '/usr/bin/python3'
  const port = await freePort()
  const child = spawn(python, [SCRIPT, String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PYTHONUNBUFFERED: '1',
      SIMPLEJWT_ROTATE: options.rotate ? '1' : '0',
      SIMPLEJWT_ACCESS_SECONDS: String(options.accessSeconds ?? 5),
    },
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)

  const stderrLines: string[] = []
  let started = false
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk: string) => {
    // Once up, the backend writes only server errors to stderr: show them.
    if (started) return void process.stderr.write(chunk)
    stderrLines.push(...chunk.split('\n').filter(Boolean))
    stderrLines.splice(0, Math.max(0, stderrLines.length - STDERR_LINES_KEPT))
  })

  const failure = (why: string) => {
    const output = stderrLines.join('\n')
    const missing = /No module named '?(django|rest_framework)/.test(output) || /ENOENT/.test(why)
    const hint = missing ? `\n${python} cannot import rest_framework_simplejwt: ${INSTALL_HINT}.` : ''
    return new Error(`The Django simplejwt backend ${why}.${hint}${output ? `\nLast stderr lines:\n${output}` : ''}`)
  }

  const baseUrl = await new Promise<string>((resolve, reject) => {
    let stdout = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(failure('did not start within 60 s'))
    }, 60_000)
    const settle = (error: Error | undefined, url = '') => {
      clearTimeout(timer)
      child.stdout.removeAllListeners('data')
      child.stdout.resume()
      child.removeAllListeners('error')
      if (error) {
        process.removeListener('exit', killOnExit)
        reject(error)
      } else resolve(url)
    }
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk
      const ready = READY.exec(stdout)
      if (ready?.[1]) settle(undefined, ready[1])
    })
    child.once('error', (error) => settle(failure(`could not be started with ${python} (${error.message})`)))
    child.once('exit', (code, signal) => {
      if (!started) settle(failure(`exited with ${signal ?? `code ${code}`} before listening`))
    })
  })
  started = true
  child.on('error', () => {})

  return {
    baseUrl,
    async stop() {
      process.removeListener('exit', killOnExit)
      if (child.exitCode !== null || child.signalCode !== null) return
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
      child.kill('SIGTERM')
      await exited
      clearTimeout(timer)
    },
  }
}

// Runs the example app with its demo backend: `node scripts/example.mjs start|dev`.
// Without AUTH_BACKEND_URL the demo backend is started and the app pointed at it;
// AUTH_BACKEND_CONFIG names a JSON file of restAdapter options for another backend's shape.
// The app imports gatehouse through its package exports, as a user would: the library is built first.
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const mode = process.argv[2]
if (mode !== 'start' && mode !== 'dev') {
  console.error('usage: node scripts/example.mjs start|dev')
  process.exit(2)
}
const appDir = fileURLToPath(new URL('../app-example/', import.meta.url))
const require = createRequire(import.meta.url)
const nextBin = require.resolve('next/dist/bin/next')
const tsxBin = require.resolve('tsx/cli')
const tsdownBin = require.resolve('tsdown/run')
const port = process.env.PORT ?? '3000'
const env = { ...process.env }
const children = []

// Progress on stderr: a build takes a minute or more, and the test setup passes stderr on while it waits.
const startedAt = Date.now()
const step = (text) => console.error(`[example] ${text} (${((Date.now() - startedAt) / 1000).toFixed(0)} s in)`)

const stopAll = (code) => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
  process.exit(code)
}
process.on('SIGINT', () => stopAll(130))
process.on('SIGTERM', () => stopAll(143))

if (!env.AUTH_SECRET) {
  env.AUTH_SECRET = randomBytes(32).toString('base64url')
  console.warn('[example] AUTH_SECRET is not set: using a random one for this run, so sessions end when it stops.')
}

function startDemoBackend() {
  const backendPort = env.DEMO_BACKEND_PORT ?? '4000'
  const backend = spawn(process.execPath, [tsxBin, 'demo-backend/main.ts'], {
    cwd: appDir,
    env: { ...env, DEMO_BACKEND_PORT: backendPort },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  children.push(backend)
  backend.on('exit', (code) => {
    console.error(`[example] the demo backend stopped (exit ${code}).`)
    stopAll(code || 1)
  })
  return new Promise((resolve) => {
    backend.stdout.on('data', (chunk) => {
      process.stdout.write(chunk)
      const match = /listening on (http:\/\/\S+)/.exec(String(chunk))
      if (match) resolve(match[1])
    })
  })
}

step('building gatehouse from src/ (tsdown)…')
const library = spawnSync(process.execPath, [tsdownBin], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: 'inherit' })
if (library.status !== 0) process.exit(library.status ?? 1)

if (env.AUTH_BACKEND_CONFIG && !env.AUTH_BACKEND_URL) {
  console.error('[example] AUTH_BACKEND_CONFIG describes an external backend: set AUTH_BACKEND_URL to its address too.')
  process.exit(2)
}
if (env.AUTH_BACKEND_CONFIG) {
  // The app runs in its own folder: a path given from here must still find the file there.
  env.AUTH_BACKEND_CONFIG = resolve(env.AUTH_BACKEND_CONFIG)
  console.log(`[example] the backend's shape comes from ${env.AUTH_BACKEND_CONFIG}`)
}
if (env.AUTH_BACKEND_URL) {
  console.log(`[example] using the backend at ${env.AUTH_BACKEND_URL}`)
} else {
  step('starting the demo backend…')
  env.AUTH_BACKEND_URL = await startDemoBackend()
}

if (mode === 'start') {
  // Built as a container or CI build would be, without the runtime's secret: only serving needs it.
  const { AUTH_SECRET: _secret, ...buildEnv } = env
  step('building the example app (next build), usually a minute or two…')
  const build = spawnSync(process.execPath, [nextBin, 'build'], {
    cwd: appDir,
    env: { ...buildEnv, NODE_ENV: 'production' },
    stdio: 'inherit',
  })
  if (build.status !== 0) stopAll(build.status ?? 1)
}
step(`starting the example app (next ${mode}) on port ${port}…`)
const app = spawn(process.execPath, [nextBin, mode, '-p', port], { cwd: appDir, env, stdio: 'inherit' })
children.push(app)
app.on('exit', (code) => stopAll(code ?? 1))

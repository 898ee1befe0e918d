// `npm run bench`: builds the package, the example app and an Auth.js peer, measures them side by
// side against in-process demo backends on 127.0.0.1, and writes BENCHMARKS.md.
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { cpus } from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, chromiumPath } from '../test/chromium'
import { CLIENT_HEADER } from '../src/core'
import { cookiesFrom } from '../test/authRequests'
import { serveBuiltApp } from '../test/e2e/appProcess'
import { signInThroughForm } from '../test/e2e/signInThroughForm'
import { listenDemoBackend } from '../test/listenDemoBackend'

const root = fileURLToPath(new URL('..', import.meta.url))
const peerDir = fileURLToPath(new URL('./authjs-peer/', import.meta.url))
const require = createRequire(import.meta.url)
const nextBin = require.resolve('next/dist/bin/next')
const DEMO = { email: 'demo@example.com', password: 'demo-password' }
const LOAD = { connections: 10, durationSeconds: 10 }
const RENDERS = 50
const STORM = 20

const machine = `${cpus().length} cores, ${cpus()[0]?.model.trim()}, Node ${process.version}, ${process.platform}`
const sh = (command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) => {
  const result = spawnSync(command, args, { cwd, env, stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}`)
}
// A throwaway secret: production builds refuse to run without one, and no session outlives the run.
const buildEnv = {
  ...process.env,
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  AUTH_SECRET: randomBytes(32).toString('base64url'),
}

console.log('[bench] building the package, the example app and the Auth.js peer')
sh(process.execPath, [require.resolve('tsdown/run')], root)
sh(process.execPath, [nextBin, 'build'], `${root}app-example`, buildEnv)
// The peer's own small install: next-auth only; next and react are the repository's.
sh('npm', ['install', '--no-audit', '--no-fund', '--legacy-peer-deps', '--prefer-offline'], peerDir)
sh(process.execPath, [nextBin, 'build'], peerDir, buildEnv)

/** A demo backend in this process, counting every request it receives. */
async function startBackend(accessTokenTtl: number) {
  const backend = await listenDemoBackend({ accessTokenTtl, refreshTokenTtl: 3600 })
  const counter = { requests: 0 }
  backend.demo.server.on('request', () => counter.requests++)
  return { url: backend.url, stats: backend.demo.stats, counter, stop: backend.stop }
}

async function signInGatehouse(baseURL: string) {
  // As the browser transport does: the sign-in route requires its own header on unsafe requests.
  const headers = { 'content-type': 'application/json', [CLIENT_HEADER]: '1' }
  const response = await fetch(`${baseURL}/api/auth/sign-in`, { method: 'POST', headers, body: JSON.stringify(DEMO) })
  if (!response.ok) throw new Error(`gatehouse sign-in answered ${response.status}`)
  return cookiesFrom(response)
}

async function signInPeer(baseURL: string) {
  const csrf = await fetch(`${baseURL}/api/auth/csrf`)
  const { csrfToken } = (await csrf.json()) as { csrfToken: string }
  const response = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiesFrom(csrf) },
    body: new URLSearchParams({ ...DEMO, csrfToken, callbackUrl: baseURL }),
  })
  const cookie = cookiesFrom(response, cookiesFrom(csrf))
  if (!cookie.includes('session-token')) throw new Error(`Auth.js sign-in answered ${response.status} without a session cookie`)
  return cookie
}

async function signInBackend(backendUrl: string) {
  const response = await fetch(`${backendUrl}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO),
  })
  return ((await response.json()) as { data: { token: string } }).data.token
}

interface Load {
  requestsPerSecond: number
  p50: number
  p99: number
}

/** autocannon in its own process, so that it does not share an event loop with the backend. */
function load(url: string, headers: Record<string, string>, durationSeconds = LOAD.durationSeconds): Promise<Load> {
  const script = `import autocannon from 'autocannon'
const r = await autocannon(${JSON.stringify({ url, headers, connections: LOAD.connections, duration: durationSeconds })})
console.log(JSON.stringify({ requestsPerSecond: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors }))`
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`))
      const result = JSON.parse(out)
      if (result.non2xx || result.errors) return reject(new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`))
      resolve(result)
    })
  })
}

async function loadSideBySide(targets: Record<string, [string, Record<string, string>]>) {
  const results: Record<string, Load> = {}
  for (const [name, [url, headers]] of Object.entries(targets)) {
    await load(url, headers, 2) // warm-up: JIT and connection pools
    results[name] = await load(url, headers)
    console.log(
      `[bench] ${name}: ${results[name]!.requestsPerSecond.toFixed(0)} req/s, p50 ${results[name]!.p50} ms, p99 ${results[name]!.p99} ms`,
    )
  }
  return results
}

const backend = await startBackend(900)
const app = await serveBuiltApp(backend.url)
const peer = await serveBuiltApp(backend.url, { appDir: peerDir })
const rows: string[] = []
try {
  const [gatehouseCookie, peerCookie, accessToken] = [
    await signInGatehouse(app.baseURL),
    await signInPeer(peer.baseURL),
    await signInBackend(backend.url),
  ]
  const peerSession = await (await fetch(`${peer.baseURL}/api/auth/session`, { headers: { cookie: peerCookie } })).json()
  if (peerSession?.user?.email !== DEMO.email) throw new Error(`Auth.js session read: ${JSON.stringify(peerSession)}`)

  // 1 and 5: the same signed-in session read, straight from the backend, through gatehouse, through Auth.js.
  const loads = await loadSideBySide({
    backend: [`${backend.url}/auth/profile`, { authorization: `Bearer ${accessToken}` }],
    gatehouse: [`${app.baseURL}/api/auth/session`, { cookie: gatehouseCookie }],
    authjs: [`${peer.baseURL}/api/auth/session`, { cookie: peerCookie }],
    nextIdle: [`${peer.baseURL}/api/idle`, {}],
  })
  const { backend: direct, gatehouse, authjs, nextIdle } = loads as Record<'backend' | 'gatehouse' | 'authjs' | 'nextIdle', Load>
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`
  const loadCommand = `autocannon -c ${LOAD.connections} -d ${LOAD.durationSeconds}`
  rows.push(
    `| 1. Proxy overhead: \`GET /api/auth/session\` through the built example app vs \`GET /auth/profile\` straight to the demo backend | gatehouse ${gatehouse.requestsPerSecond.toFixed(0)} req/s, p50 ${gatehouse.p50} ms, p99 ${gatehouse.p99} ms; backend ${direct.requestsPerSecond.toFixed(0)} req/s, p50 ${direct.p50} ms, p99 ${direct.p99} ms; for scale, a Next.js route handler that does nothing ${nextIdle.requestsPerSecond.toFixed(0)} req/s, p50 ${nextIdle.p50} ms | throughput ${ratio(gatehouse.requestsPerSecond, direct.requestsPerSecond)} the backend's; ${ratio(gatehouse.requestsPerSecond, nextIdle.requestsPerSecond)} an idle Next.js route's | ${loadCommand} |`,
  )

  // 2: Server Component renders of a signed-in page, counting what the backend receives meanwhile.
  const before = backend.counter.requests
  for (let i = 0; i < RENDERS; i++) {
    const page = await fetch(`${app.baseURL}/dashboard`, { headers: { cookie: gatehouseCookie }, redirect: 'manual' })
    const html = await page.text()
    if (page.status !== 200 || !html.includes(DEMO.email)) throw new Error(`/dashboard render ${i} was not signed in (${page.status})`)
  }
  const backendCalls = backend.counter.requests - before
  rows.push(
    `| 2. Session read in a Server Component: backend requests while rendering \`/dashboard\` ${RENDERS} times | ${backendCalls} backend requests for ${RENDERS} signed-in renders | ${backendCalls}/${RENDERS} = ${(backendCalls / RENDERS).toFixed(2)} per render | ${RENDERS} × GET /dashboard with the session cookie |`,
  )

  // 4: a reload of a signed-in page in Chromium: auth requests until the page has settled (so before first paint too).
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true })
  try {
    const page = await (await browser.newContext({ baseURL: app.baseURL })).newPage()
    await page.goto('/sign-in')
    await signInThroughForm(page, DEMO.email, DEMO.password)
    // The dashboard is settled once its own call through the backend proxy has answered.
    const settled = () => page.getByTestId('backend-profile').filter({ hasText: DEMO.email }).waitFor()
    await page.waitForURL('**/dashboard')
    await settled()
    const authRequests: string[] = []
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/auth/')) authRequests.push(request.url())
    })
    await page.reload({ waitUntil: 'load' })
    await settled()
    const paintedSignedIn = await page.getByText(DEMO.email).first().isVisible()
    if (!paintedSignedIn) throw new Error('the reloaded /dashboard does not show the signed-in user')
    rows.push(
      `| 4. Reload of a signed-in page (Chromium): auth requests before first paint | ${authRequests.length} requests to \`/api/auth/*\` from reload until the page has settled | ${authRequests.length} (goal 0) | Chromium, reload \`/dashboard\` signed in |`,
    )
  } finally {
    await browser.close()
  }

  rows.push(
    `| 5. A peer: the same signed-in session read through Auth.js (next-auth 5.0.0-beta.32, Credentials provider calling the demo backend, JWT sessions) | gatehouse ${gatehouse.requestsPerSecond.toFixed(0)} req/s, p50 ${gatehouse.p50} ms, p99 ${gatehouse.p99} ms; Auth.js ${authjs.requestsPerSecond.toFixed(0)} req/s, p50 ${authjs.p50} ms, p99 ${authjs.p99} ms | gatehouse ${ratio(gatehouse.requestsPerSecond, authjs.requestsPerSecond)} Auth.js's throughput | ${loadCommand}, both \`GET /api/auth/session\` |`,
  )
} finally {
  app.stop()
  peer.stop()
  backend.stop()
}

// 3: an expired access token, many requests at once: the backend should see one refresh.
const stormBackend = await startBackend(2)
const stormApp = await serveBuiltApp(stormBackend.url)
try {
  const cookie = await signInGatehouse(stormApp.baseURL)
  await sleep(3000)
  const before = stormBackend.stats.refreshes
  const answers = await Promise.all(
    Array.from({ length: STORM }, () => fetch(`${stormApp.baseURL}/api/auth/session`, { headers: { cookie } }).then((r) => r.json())),
  )
  const signedIn = answers.filter((answer) => answer.user?.email === DEMO.email).length
  const refreshes = stormBackend.stats.refreshes - before
  rows.splice(
    2,
    0,
    `| 3. Refresh storm: ${STORM} concurrent \`GET /api/auth/session\` with an expired access token | ${refreshes} backend refresh call(s); ${signedIn}/${STORM} answers signed in | ${refreshes}/${STORM} refreshes per request (goal 1 in all) | access-token TTL 2 s, wait 3 s, ${STORM} requests at once |`,
  )
} finally {
  stormApp.stop()
  stormBackend.stop()
}

const report = `# Benchmarks

Written by \`npm run bench\` (\`bench/runBenchmarks.ts\`): every figure below comes from one run, measured side by side on
one machine, against demo backends in the bench's own process on 127.0.0.1. Load comes from autocannon in its own
process, ${LOAD.connections} connections for ${LOAD.durationSeconds} s after a 2 s warm-up, one target at a time.

Machine: ${machine}. Run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.

| figure | measured | ratio | how |
|---|---|---|---|
${rows.join('\n')}

Reproduce: \`npm ci && npm run bench\` (Chromium from \`CHROMIUM_PATH\`, else \`/usr/bin/chromium\`). The Auth.js peer lives
in \`bench/authjs-peer/\` with its own small install (next-auth only; next and react are the repository's).
`
writeFileSync(new URL('../BENCHMARKS.md', import.meta.url), report)
console.log(report)

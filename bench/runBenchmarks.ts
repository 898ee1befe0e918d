// `npm run bench`: builds the package, the example app and an Auth.js peer, measures them side by
// side against in-process demo backends on 127.0.0.1, and writes BENCHMARKS.md.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { cpus } from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { cookiesFrom } from '../test/authRequests'
import { startRedis } from '../test/backends/startRedis'
import { CHROMIUM_ARGS, chromiumPath } from '../test/chromium'
import { serveBuiltApp } from '../test/e2e/appProcess'
import { signInThroughForm } from '../test/e2e/signInThroughForm'
import { listenDemoBackend } from '../test/listenDemoBackend'
import { measureFleetRefresh } from './fleetRefresh'
import { LOAD, loadInterleaved, type InterleavedLoad } from './loadTargets'
import { DEMO, signInGatehouse } from './signInGatehouse'
import { measureTabRequests } from './tabRequests'

const root = fileURLToPath(new URL('..', import.meta.url))
const peerDir = fileURLToPath(new URL('./authjs-peer/', import.meta.url))
const require = createRequire(import.meta.url)
const nextBin = require.resolve('next/dist/bin/next')
const RENDERS = 50
const STORM = 20
const FLEET = { instances: 3, requests: 30 }
const TABS = { tabs: 3, seconds: 30, accessTokenSeconds: 3 }

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
  const response = await fetch(`${backendUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO),
  })
  return ((await response.json()) as { data: { token: string } }).data.token
}

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`
/** Round by round, two targets measured back to back: the median of their ratios, and each. */
const pairedRatio = (a: InterleavedLoad, b: InterleavedLoad) => {
  const each = a.rounds.map((round, index) => round / b.rounds[index]!)
  const sorted = [...each].sort((x, y) => x - y)
  return `${sorted[sorted.length >> 1]!.toFixed(2)}× (rounds ${each.map((value) => value.toFixed(2)).join(', ')})`
}
const perSecond = (load: InterleavedLoad) => `${load.requestsPerSecond.toFixed(0)} req/s`
const cpu = (load: InterleavedLoad) =>
  load.cpuMicrosPerRequest === undefined ? '' : `, server CPU ${load.cpuMicrosPerRequest.toFixed(0)} µs/request`
const described = (load: InterleavedLoad) =>
  `${perSecond(load)} (rounds ${load.rounds.map((round) => round.toFixed(0)).join(', ')}), p50 ${load.p50} ms, p99 ${load.p99} ms${cpu(load)}`
const loadCommand = `autocannon -c ${LOAD.connections} -d ${LOAD.durationSeconds}, ${LOAD.rounds} interleaved rounds, medians`
const rows: string[] = []
const row = (figure: string, measured: string, result: string, how: string) => rows.push(`| ${figure} | ${measured} | ${result} | ${how} |`)

const backend = await startBackend(900)
const redis = await startRedis()
const app = await serveBuiltApp(backend.url)
const appWithRedis = await serveBuiltApp(backend.url, { env: { REDIS_URL: redis.url } })
const peer = await serveBuiltApp(backend.url, { appDir: peerDir })
try {
  const [gatehouseCookie, redisCookie, peerCookie, accessToken] = [
    await signInGatehouse(app.baseURL),
    await signInGatehouse(appWithRedis.baseURL),
    await signInPeer(peer.baseURL),
    await signInBackend(backend.url),
  ]
  const peerSession = await (await fetch(`${peer.baseURL}/api/auth/session`, { headers: { cookie: peerCookie } })).json()
  if (peerSession?.user?.email !== DEMO.email) throw new Error(`Auth.js session read: ${JSON.stringify(peerSession)}`)

  // One signed-in session read, every way it can be served, taking turns round after round.
  const loads = await loadInterleaved({
    gatehouse: [`${app.baseURL}/api/auth/session`, { cookie: gatehouseCookie }, app.pid],
    idle: [`${app.baseURL}/api/health`, { cookie: gatehouseCookie }, app.pid],
    idleWithoutCookies: [`${app.baseURL}/api/health`, {}, app.pid],
    gatehouseWithRedis: [`${appWithRedis.baseURL}/api/auth/session`, { cookie: redisCookie }, appWithRedis.pid],
    idleWithRedis: [`${appWithRedis.baseURL}/api/health`, { cookie: redisCookie }, appWithRedis.pid],
    authjs: [`${peer.baseURL}/api/auth/session`, { cookie: peerCookie }, peer.pid],
  })
  const { gatehouse, idle, idleWithoutCookies, gatehouseWithRedis, idleWithRedis, authjs } = loads
  // Apart: ten times the others' rate through this process's own event loop would weigh on whichever target came next.
  const { backend: direct } = await loadInterleaved({
    backend: [`${backend.url}/auth/profile`, { authorization: `Bearer ${accessToken}` }],
  })
  row(
    '1. Proxy cost: `GET /api/auth/session` vs a route handler that does nothing (`GET /api/health`), on the same `next start` of the example app, with the same request (the session cookies) and without cookies',
    `gatehouse ${described(gatehouse)}; idle route ${described(idle)}; idle route without cookies ${described(idleWithoutCookies)}`,
    `${pairedRatio(gatehouse, idle)} the idle route's throughput for the same request (goal ≥ 0.9×; ${ratio(gatehouse.requestsPerSecond, idle.requestsPerSecond)} from the medians), ${ratio(idle.cpuMicrosPerRequest!, gatehouse.cpuMicrosPerRequest!)} by CPU per request; ${ratio(gatehouse.requestsPerSecond, idleWithoutCookies.requestsPerSecond)} its throughput without cookies, which Next.js answers with less work of its own (${ratio(idleWithoutCookies.cpuMicrosPerRequest!, gatehouse.cpuMicrosPerRequest!)} by CPU)`,
    loadCommand,
  )
  row(
    '2. The same with Redis configured: a second `next start` of the example app with `REDIS_URL`, its session read against its own idle route; reading a session needs no Redis call',
    `gatehouse ${described(gatehouseWithRedis)}; idle route ${described(idleWithRedis)}`,
    `${pairedRatio(gatehouseWithRedis, idleWithRedis)} the idle route's throughput for the same request (goal ≥ 0.9×; ${ratio(gatehouseWithRedis.requestsPerSecond, idleWithRedis.requestsPerSecond)} from the medians), ${ratio(idleWithRedis.cpuMicrosPerRequest!, gatehouseWithRedis.cpuMicrosPerRequest!)} by CPU per request`,
    loadCommand,
  )
  row(
    '3. A peer: the same signed-in session read through Auth.js (next-auth 5.0.0-beta.32, Credentials provider calling the demo backend, JWT sessions)',
    `Auth.js ${described(authjs)}; gatehouse ${perSecond(gatehouse)}`,
    `gatehouse ${ratio(gatehouse.requestsPerSecond, authjs.requestsPerSecond)} Auth.js's throughput (goal ≥ 2×)`,
    `${loadCommand}, both \`GET /api/auth/session\``,
  )
  row(
    '4. For scale: the profile straight from the demo backend (`GET /auth/profile`, no Next.js)',
    `backend ${described(direct)}`,
    `gatehouse ${ratio(gatehouse.requestsPerSecond, direct.requestsPerSecond)} the backend's throughput`,
    loadCommand,
  )

  // Server Component renders of a signed-in page, counting what the backend receives meanwhile.
  const before = backend.counter.requests
  for (let i = 0; i < RENDERS; i++) {
    const page = await fetch(`${app.baseURL}/dashboard`, { headers: { cookie: gatehouseCookie }, redirect: 'manual' })
    const html = await page.text()
    if (page.status !== 200 || !html.includes(DEMO.email)) throw new Error(`/dashboard render ${i} was not signed in (${page.status})`)
  }
  const backendCalls = backend.counter.requests - before
  row(
    `5. Session read in a Server Component: backend requests while rendering \`/dashboard\` ${RENDERS} times`,
    `${backendCalls} backend requests for ${RENDERS} signed-in renders`,
    `${backendCalls}/${RENDERS} = ${(backendCalls / RENDERS).toFixed(2)} per render`,
    `${RENDERS} × GET /dashboard with the session cookie`,
  )
} finally {
  app.stop()
  appWithRedis.stop()
  peer.stop()
  await backend.stop()
  await redis.stop()
}

// An expired access token, many requests at once: the backend should see one refresh.
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
  row(
    `6. Refresh storm, one instance: ${STORM} concurrent \`GET /api/auth/session\` with an expired access token`,
    `${refreshes} backend refresh call(s); ${signedIn}/${STORM} answers signed in`,
    `${refreshes}/${STORM} refreshes per request (goal 1 in all)`,
    'access-token TTL 2 s, wait 3 s, 20 requests at once',
  )
} finally {
  stormApp.stop()
  await stormBackend.stop()
}

// The same storm over a fleet, with and without the store that makes it one refresh.
const fleet = {
  withRedis: await measureFleetRefresh({ ...FLEET, redis: true }),
  without: await measureFleetRefresh({ ...FLEET, redis: false }),
}
const fleetFigure = ({ refreshCalls, refreshesAccepted, signedIn, requests }: typeof fleet.without) =>
  `${refreshCalls} refresh call(s) to the backend (${refreshesAccepted} accepted), ${signedIn}/${requests} answers signed in`
row(
  `7. Fleet refresh: ${FLEET.instances} instances of the example app × ${FLEET.requests} concurrent session reads of one expired session, round robin; the backend revokes the token family on reuse`,
  `sharing Redis: ${fleetFigure(fleet.withRedis)}; without: ${fleetFigure(fleet.without)}`,
  `${fleet.withRedis.refreshCalls} backend refresh with Redis (goal 1), ${fleet.without.refreshCalls} without`,
  `${FLEET.instances} × \`next start\`, one \`AUTH_SECRET\`, access-token TTL 2 s`,
)

const tabs = await measureTabRequests(TABS)
const perTabPerMinute = tabs.requests / tabs.tabs / (tabs.seconds / 60)
row(
  `8. Auth requests from open tabs: ${tabs.tabs} signed-in tabs of one browser for ${tabs.seconds} s, ${tabs.accessTokenSeconds} s access tokens`,
  `${tabs.requests} requests to \`/api/auth/*\`, ${tabs.backendRefreshes} backend refreshes, ${tabs.signedIn}/${tabs.tabs} tabs still signed in`,
  `${perTabPerMinute.toFixed(1)} auth requests per tab per minute (goal ≤ 13 requests in all)`,
  'Chromium, the example app, counting from the moment every tab shows the user',
)

// A reload of a signed-in page in Chromium: auth requests until the page has settled (so before first paint too).
const reloadBackend = await startBackend(900)
const reloadApp = await serveBuiltApp(reloadBackend.url)
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true })
try {
  const page = await (await browser.newContext({ baseURL: reloadApp.baseURL })).newPage()
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
  if (!(await page.getByText(DEMO.email).first().isVisible())) throw new Error('the reloaded /dashboard does not show the signed-in user')
  row(
    '9. Reload of a signed-in page (Chromium): auth requests before first paint',
    `${authRequests.length} requests to \`/api/auth/*\` from reload until the page has settled`,
    `${authRequests.length} (goal 0)`,
    'Chromium, reload `/dashboard` signed in',
  )
} finally {
  await browser.close()
  reloadApp.stop()
  await reloadBackend.stop()
}

const report = `# Benchmarks

Written by \`npm run bench\` (\`bench/runBenchmarks.ts\`): every figure below comes from one run, measured side by side on
one machine, against demo backends in the bench's own process on 127.0.0.1 and Debian's \`redis-server\` on a loopback
port. Load comes from autocannon in its own process, ${LOAD.connections} connections for ${LOAD.durationSeconds} s per
round; the targets of figures 1 to 3 take turns (A B C, B C A, C A B …) for ${LOAD.rounds} rounds after a ${LOAD.warmUpSeconds} s
warm-up each, so a moment when the machine is busier weighs on all of them alike, and each figure is the median of its
rounds; a ratio between two targets that run back to back (the session read and the idle route of one server) is the
median of its ratios round by round. Server CPU per request is the server process's CPU time (\`/proc/<pid>/stat\`) over the requests it answered in
the round.

Machine: ${machine}. Run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.

| figure | measured | result | how |
|---|---|---|---|
${rows.join('\n')}

Reproduce: \`npm ci && npm run bench\` (Chromium from \`CHROMIUM_PATH\`, else \`/usr/bin/chromium\`; \`redis-server\` from
\`REDIS_SERVER\`, else the one on the PATH). The Auth.js peer lives in \`bench/authjs-peer/\` with its own small install
(next-auth only; next and react are the repository's).
`
writeFileSync(new URL('../BENCHMARKS.md', import.meta.url), report)
console.log(report)

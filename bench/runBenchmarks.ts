// `npm run bench`: builds the package, the example app and an Auth.js peer, measures them side by
// side against in-process demo backends on 127.0.0.1, and writes BENCHMARKS.md with its charts (bench/charts/).
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
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
import { loadCharts, writeBenchmarkReport, type Chart } from './benchReport'
import { measureFleetRefresh } from './fleetRefresh'
import { LOAD, loadPairs, loadRounds, type PairLoad, type RoundServers, type RoundsLoad, type Target } from './loadTargets'
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
/** A pair's ratio: the median, each round's, and the same by CPU time per request. */
const pairRatio = ({ ratio: median, ratios, cpuRatio }: PairLoad) =>
  `${median.toFixed(2)}× (rounds ${ratios.map((value) => value.toFixed(2)).join(', ')})${cpuRatio === undefined ? '' : `, ${cpuRatio.toFixed(2)}× by CPU per request`}`
const perSecond = (load: RoundsLoad) => `${load.requestsPerSecond.toFixed(0)} req/s`
const cpu = (load: RoundsLoad) =>
  load.cpuMicrosPerRequest === undefined ? '' : `, server CPU ${load.cpuMicrosPerRequest.toFixed(0)} µs/request`
const described = (load: RoundsLoad) =>
  `${perSecond(load)} (rounds ${load.rounds.map((round) => round.toFixed(0)).join(', ')}), p50 ${load.p50.toFixed(1)} ms, p99 ${load.p99.toFixed(1)} ms${cpu(load)}`
const pairCommand = `autocannon -c ${LOAD.connections}, ${LOAD.rounds} rounds on fresh servers, A B B A or B A A B (${LOAD.durationSeconds / 2} s each), medians`
const rows: string[] = []
const row = (figure: string, measured: string, result: string, how: string) => rows.push(`| ${figure} | ${measured} | ${result} | ${how} |`)

// Its access tokens outlive the whole run: the session reads and the direct profile reads all carry the first ones.
const backend = await startBackend(3_600)
const redis = await startRedis()

/**
 * The example app, the same with Redis, and the Auth.js peer, each a fresh `next start` with a
 * signed-in session, and the pairs of targets they serve: one round's worth.
 */
async function startPairServers(): Promise<RoundServers<'proxyCost' | 'proxyCostWithRedis' | 'peer'>> {
  const app = await serveBuiltApp(backend.url)
  const appWithRedis = await serveBuiltApp(backend.url, { env: { REDIS_URL: redis.url } })
  const peer = await serveBuiltApp(backend.url, { appDir: peerDir })
  const stop = async () => void (await Promise.all([app.stop(), appWithRedis.stop(), peer.stop()]))
  try {
    const [gatehouseCookie, redisCookie, peerCookie] = [
      await signInGatehouse(app.baseURL),
      await signInGatehouse(appWithRedis.baseURL),
      await signInPeer(peer.baseURL),
    ]
    const peerSession = await (await fetch(`${peer.baseURL}/api/auth/session`, { headers: { cookie: peerCookie } })).json()
    if (peerSession?.user?.email !== DEMO.email) throw new Error(`Auth.js session read: ${JSON.stringify(peerSession)}`)
    // One signed-in session read against what it is compared with.
    const gatehouseTarget: Target = [`${app.baseURL}/api/auth/session`, { cookie: gatehouseCookie }, app.pid]
    const pairs: RoundServers<'proxyCost' | 'proxyCostWithRedis' | 'peer'>['pairs'] = {
      proxyCost: [gatehouseTarget, [`${app.baseURL}/api/health`, { cookie: gatehouseCookie }, app.pid]],
      proxyCostWithRedis: [
        [`${appWithRedis.baseURL}/api/auth/session`, { cookie: redisCookie }, appWithRedis.pid],
        [`${appWithRedis.baseURL}/api/health`, { cookie: redisCookie }, appWithRedis.pid],
      ],
      peer: [gatehouseTarget, [`${peer.baseURL}/api/auth/session`, { cookie: peerCookie }, peer.pid]],
    }
    return { pairs, stop }
  } catch (error) {
    await stop()
    throw error
  }
}

// Drawn from the same medians as figures 1 to 4, and written with BENCHMARKS.md once every figure is measured.
let charts: Chart[] = []
const app = await serveBuiltApp(backend.url)
try {
  const [gatehouseCookie, accessToken] = [await signInGatehouse(app.baseURL), await signInBackend(backend.url)]
  const pairs = await loadPairs(startPairServers)
  const { proxyCost, proxyCostWithRedis, peer: versusPeer } = pairs
  // Apart: ten times the others' rate through this process's own event loop would weigh on whichever target came next.
  const direct = await loadRounds('backend', [`${backend.url}/auth/profile`, { authorization: `Bearer ${accessToken}` }])
  row(
    '1. Proxy cost: `GET /api/auth/session` vs a route handler that does nothing (`GET /api/health`), on the same `next start` of the example app, with the same request (the session cookies)',
    `gatehouse ${described(proxyCost.a)}; idle route ${described(proxyCost.b)}`,
    `${pairRatio(proxyCost)} the idle route's throughput (goal ≥ 0.9×)`,
    pairCommand,
  )
  row(
    '2. The same with Redis configured: a second `next start` of the example app with `REDIS_URL`, its session read against its own idle route; reading a session needs no Redis call',
    `gatehouse ${described(proxyCostWithRedis.a)}; idle route ${described(proxyCostWithRedis.b)}`,
    `${pairRatio(proxyCostWithRedis)} the idle route's throughput (goal ≥ 0.9×)`,
    pairCommand,
  )
  row(
    '3. A peer: the same signed-in session read through Auth.js (next-auth 5.0.0-beta.32, Credentials provider calling the demo backend, JWT sessions)',
    `gatehouse ${described(versusPeer.a)}; Auth.js ${described(versusPeer.b)}`,
    `gatehouse ${pairRatio(versusPeer)} Auth.js's throughput (goal ≥ 2×)`,
    `${pairCommand}, both \`GET /api/auth/session\``,
  )
  row(
    '4. For scale: the profile straight from the demo backend (`GET /auth/profile`, no Next.js)',
    `backend ${described(direct)}`,
    `gatehouse ${ratio(proxyCost.a.requestsPerSecond, direct.requestsPerSecond)} the backend's throughput`,
    `autocannon -c ${LOAD.connections} -d ${LOAD.durationSeconds}, ${LOAD.rounds} rounds, medians`,
  )
  charts = loadCharts([
    { label: '1. gatehouse session read', load: proxyCost.a },
    { label: '1. idle route', load: proxyCost.b },
    { label: '2. gatehouse session read, Redis', load: proxyCostWithRedis.a },
    { label: '2. idle route, Redis', load: proxyCostWithRedis.b },
    { label: '3. gatehouse session read', load: versusPeer.a },
    { label: '3. Auth.js session read', load: versusPeer.b },
    { label: '4. demo backend profile, no Next.js', load: direct },
  ])

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
  await app.stop()
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

const report = writeBenchmarkReport(new URL('..', import.meta.url), { machine, runAt: new Date(), rows, charts })
// In the layout `biome check` (in `npm test`) expects of every Markdown file, so a fresh report passes it as written.
sh(process.execPath, [createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome'), 'format', '--write', 'BENCHMARKS.md'], root)
console.log(report)

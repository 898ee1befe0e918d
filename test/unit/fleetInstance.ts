// One gatehouse instance of a fleet, in a process of its own (`tsx fleetInstance.ts`), for
// fleetRefresh.test.ts: the token server at BACKEND_URL, Redis at REDIS_URL when set. Prints
// `listening <url>` once it serves, and what gatehouse logs on stderr. BACKEND_TIMEOUT_MS, when set, is the adapter's `timeoutMs`. Redis gets 5 s to answer:
// the test machine builds and runs browsers beside it, and only a stopped server should count as stuck.
import { createRedisStore } from '../../src/redis/createRedisStore'
import { restAdapter } from '../../src/server/backend/rest/restAdapter'
import { createGatehouse } from '../../src/server/createGatehouse'
import { tokenServerOptions } from '../backends/fakeTokenServer'
import { serveFetch } from '../serveFetch'

const { BACKEND_URL, BACKEND_TIMEOUT_MS, REDIS_URL, FLEET_SECRET } = process.env
const store = REDIS_URL ? createRedisStore({ url: REDIS_URL, timeoutMs: 5_000 }) : undefined
// Connected before it serves, as an instance that has been up a while is.
await store?.get('gatehouse:warm-up')
const gatehouse = createGatehouse({
  backend: restAdapter({
    ...tokenServerOptions(),
    baseUrl: BACKEND_URL!,
    timeoutMs: BACKEND_TIMEOUT_MS ? Number(BACKEND_TIMEOUT_MS) : undefined,
  }),
  secret: FLEET_SECRET,
  secureCookies: false,
  coordination: store && { store },
  logger: { warn: (line: string) => console.error(line), error: (line: string) => console.error(line) },
})
const { url } = await serveFetch((request) => gatehouse.handle(request))
console.log(`listening ${url}`)

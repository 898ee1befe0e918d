// One gatehouse instance of a fleet, in a process of its own (`tsx fleetInstance.ts`), for
// fleetRefresh.test.ts: the token server at BACKEND_URL, Redis at REDIS_URL when set. Prints
// `listening <url>` once it serves, and what gatehouse logs on stderr. Redis gets 2 s to answer:
// the test machine runs browsers beside it, and only a stopped server should count as stuck.
import { createRedisStore } from '../../src/redis/createRedisStore'
import { restAdapter } from '../../src/server/backend/rest/restAdapter'
import { createGatehouse } from '../../src/server/createGatehouse'
import { tokenServerOptions } from '../backends/fakeTokenServer'
import { serveFetch } from '../serveFetch'

const { BACKEND_URL, REDIS_URL, FLEET_SECRET } = process.env
const gatehouse = createGatehouse({
  backend: restAdapter({ ...tokenServerOptions(), baseUrl: BACKEND_URL! }),
  secret: FLEET_SECRET,
  secureCookies: false,
  coordination: REDIS_URL ? { store: createRedisStore({ url: REDIS_URL, timeoutMs: 2_000 }) } : undefined,
  logger: { warn: (line: string) => console.error(line), error: (line: string) => console.error(line) },
})
const { url } = await serveFetch((request) => gatehouse.handle(request))
console.log(`listening ${url}`)

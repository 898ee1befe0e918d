import { handlers } from '../../../../auth'

// The busiest auth route as a static one: Next.js then skips matching the [...gatehouse] catch-all
// for every session read. The catch-all still answers every other auth route.
export const { GET } = handlers

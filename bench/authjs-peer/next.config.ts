import { fileURLToPath } from 'node:url'
import type { NextConfig } from 'next'

// next, react and typescript come from the repository's own node_modules, above this folder.
const root = fileURLToPath(new URL('../..', import.meta.url))

const nextConfig: NextConfig = { turbopack: { root }, outputFileTracingRoot: root }

export default nextConfig

import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'

/** Headless flags that keep Chromium quiet on a machine with a closed network, running as root. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** `CHROMIUM_PATH`, then Debian's Chromium, then Playwright's own download; a clear error otherwise. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', chromium.executablePath()]
  const found = candidates.find((candidate): candidate is string => Boolean(candidate) && existsSync(candidate!))
  if (!found) {
    throw new Error(
      'No Chromium found. Install one (Debian: `apt-get install -y chromium`; elsewhere: `npx playwright install chromium`) or set CHROMIUM_PATH.',
    )
  }
  return found
}

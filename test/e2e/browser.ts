import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core'
import { afterAll, beforeAll, inject } from 'vitest'
import { CHROMIUM_ARGS } from '../chromium'

/**
 * One headless Chromium per test file; each test opens its own context (a fresh cookie jar).
 * `args` adds to the launch flags, e.g. `--host-resolver-rules` for a test hostname.
 */
export function openBrowser({ args = [] }: { args?: string[] } = {}) {
  let browser: Browser
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: inject('chromiumPath'), args: [...CHROMIUM_ARGS, ...args], headless: true })
  })
  afterAll(async () => {
    await browser?.close()
  })
  const newContext = (options: BrowserContextOptions = {}) => browser.newContext({ baseURL: inject('baseURL'), ...options })
  return {
    newContext,
    async newPage(options: BrowserContextOptions = {}): Promise<Page> {
      return (await newContext(options)).newPage()
    },
  }
}

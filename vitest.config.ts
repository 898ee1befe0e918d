import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { playwright } from '@vitest/browser-playwright'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { CHROMIUM_ARGS, chromiumPath } from './test/chromium.ts'

export default defineConfig({
  test: {
    reporters: ['default', './test/totalsReporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/unit/**/*.test.ts', 'app-example/demo-backend/**/*.test.ts'],
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) })],
        // Pre-bundled up front, or a cold cache makes Vite reload in the middle of the first run.
        optimizeDeps: {
          include: [
            'msw-storybook-addon/csf3',
            'msw',
            'msw/browser',
            'react/jsx-dev-runtime',
            'xstate',
            'axe-core',
            'storybook/internal/docs-tools',
          ],
        },
        test: {
          name: 'stories',
          setupFiles: ['./.storybook/screenshotEachStory.ts'],
          browser: {
            enabled: true,
            headless: true,
            // Room for Storybook's 1200x900 test viewport: a smaller window scales the page down,
            // and screenshots with it.
            provider: playwright({
              launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
              contextOptions: { viewport: { width: 1280, height: 1000 } },
            }),
            instances: [{ browser: 'chromium' }],
            // Pixel-exact (0 differing pixels; pixelmatch's default 0.1 colour threshold): the
            // same Chromium renders the same pixels, so any difference is a real change.
            expect: { toMatchScreenshot: { comparatorName: 'pixelmatch', comparatorOptions: { allowedMismatchedPixels: 0 } } },
          },
        },
      },
      {
        test: {
          name: 'package',
          environment: 'node',
          include: ['test/package/**/*.test.ts'],
          hookTimeout: 120_000,
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/globalSetup.ts'],
          hookTimeout: 300_000,
          testTimeout: 30_000,
        },
      },
    ],
  },
})

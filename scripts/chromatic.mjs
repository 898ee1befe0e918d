#!/usr/bin/env node
// Publishes the Storybook to Chromatic when a project token is present. The local screenshot
// tests (`npm test`) are the gate that always runs; Chromatic adds review in the browser.
import { spawnSync } from 'node:child_process'

if (!process.env.CHROMATIC_PROJECT_TOKEN) {
  console.error(
    'chromatic: CHROMATIC_PROJECT_TOKEN is not set, so nothing was published.\n' +
      'Create a project on https://www.chromatic.com, then run: CHROMATIC_PROJECT_TOKEN=<token> npm run chromatic',
  )
  process.exit(1)
}

// The token travels in the environment, where the CLI reads it: never on a command line.
const result = spawnSync('npx', ['--no-install', 'chromatic', '--config-file', 'chromatic.config.json', ...process.argv.slice(2)], {
  stdio: 'inherit',
})
process.exit(result.status ?? 1)

import { spawn } from 'node:child_process'
import type { TestProject } from 'vitest/node'
import { chromiumPath } from '../chromium'
import { freePort, waitForApp } from './appProcess'

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
    chromiumPath: string
  }
}

/** Builds and starts the example app with its demo backend through `npm start`'s own script. */
export default async function setup(project: TestProject) {
  const executablePath = chromiumPath()
  const [port, backendPort] = [await freePort(), await freePort()]
  const baseURL = `http://localhost:${port}`
  // The tests need the demo backend, whatever the shell points at.
  const { AUTH_BACKEND_URL: _external, AUTH_BACKEND_CONFIG: _shape, ...appEnv } = process.env
  const app = spawn(process.execPath, ['scripts/example.mjs', 'start'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...appEnv, PORT: String(port), DEMO_BACKEND_PORT: String(backendPort), NEXT_TELEMETRY_DISABLED: '1' },
  })
  const stop = () => {
    if (app.exitCode === null && app.pid) process.kill(-app.pid, 'SIGTERM')
  }
  try {
    await waitForApp(baseURL, app, 240_000)
    console.error(`[e2e] the example app answers at ${baseURL}: running the tests`)
  } catch (error) {
    stop()
    throw error
  }
  project.provide('baseURL', baseURL)
  project.provide('chromiumPath', executablePath)
  return stop
}

#!/usr/bin/env node
import { parseArgs } from 'node:util'
import { NEXT_STEPS } from './appFiles'
import { checkBackend, formatReport } from './checkBackend'
import { CommandRefused } from './CommandRefused'
import { initApp } from './initApp'
import { newSecret } from './newSecret'
import { readConfigFile } from './readConfigFile'

const USAGE = `usage:
  gatehouse init [--backend <config.json>] [--url <backend URL>]   wire gatehouse into the Next.js app here
  gatehouse check --url <backend URL> [--config <config.json>] [--json]
                  sign in, refresh and sign out against a live backend, with the test account in
                  GATEHOUSE_CHECK_IDENTIFIER and GATEHOUSE_CHECK_PASSWORD
  gatehouse secret                                                  print a new AUTH_SECRET`

async function check(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { url: { type: 'string' }, config: { type: 'string' }, json: { type: 'boolean' } },
    strict: true,
  })
  if (!values.url) throw new CommandRefused('check needs --url, the backend’s address.', 2)
  const { GATEHOUSE_CHECK_IDENTIFIER: identifier, GATEHOUSE_CHECK_PASSWORD: password } = process.env
  // From the environment, never from flags: a shell keeps its history.
  if (!identifier || !password)
    throw new CommandRefused('check signs in as a test account: set GATEHOUSE_CHECK_IDENTIFIER and GATEHOUSE_CHECK_PASSWORD.', 2)
  const config = values.config ? readConfigFile(values.config, '--config') : {}
  const report = await checkBackend({ url: values.url, config, identifier, password })
  console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report))
  return report.ok ? 0 : 1
}

async function run(args: string[]): Promise<number> {
  const [command, ...rest] = args
  if (command === 'secret' && rest.length === 0) {
    console.log(newSecret())
    return 0
  }
  if (command === 'check') return check(rest)
  if (command === 'init') {
    const { values } = parseArgs({ args: rest, options: { backend: { type: 'string' }, url: { type: 'string' } }, strict: true })
    const written = initApp({ dir: process.cwd(), backendFile: values.backend, backendUrl: values.url })
    console.log(`Wrote:\n${written.map((path) => `  ${path}`).join('\n')}\n\n${NEXT_STEPS}`)
    return 0
  }
  console.error(USAGE)
  return command === undefined || command === '--help' ? 0 : 2
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    // A person typed this: a sentence, not a stack trace.
    console.error(`gatehouse: ${error instanceof Error ? error.message : String(error)}`)
    if (!(error instanceof CommandRefused)) console.error(USAGE)
    process.exitCode = error instanceof CommandRefused ? error.exitCode : 2
  },
)

#!/usr/bin/env node
import { parseArgs } from 'node:util'
import { NEXT_STEPS } from './appFiles'
import { InitRefused, initApp } from './initApp'
import { newSecret } from './newSecret'

const USAGE = `usage:
  gatehouse init [--backend <config.json>] [--url <backend URL>]   wire gatehouse into the Next.js app here
  gatehouse secret                                                  print a new AUTH_SECRET`

function run(args: string[]): number {
  const [command, ...rest] = args
  if (command === 'secret' && rest.length === 0) {
    console.log(newSecret())
    return 0
  }
  if (command === 'init') {
    const { values } = parseArgs({ args: rest, options: { backend: { type: 'string' }, url: { type: 'string' } }, strict: true })
    const written = initApp({ dir: process.cwd(), backendFile: values.backend, backendUrl: values.url })
    console.log(`Wrote:\n${written.map((path) => `  ${path}`).join('\n')}\n\n${NEXT_STEPS}`)
    return 0
  }
  console.error(USAGE)
  return command === undefined || command === '--help' ? 0 : 2
}

try {
  process.exitCode = run(process.argv.slice(2))
} catch (error) {
  // A person typed this: a sentence, not a stack trace.
  console.error(`gatehouse: ${error instanceof Error ? error.message : String(error)}`)
  if (!(error instanceof InitRefused)) console.error(USAGE)
  process.exitCode = error instanceof InitRefused ? error.exitCode : 2
}

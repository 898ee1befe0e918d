import { describe, expect, it } from 'vitest'
import { README, fencedFile } from '../readme'

/** The README's "Embedding the machine" examples are these files, which `tsc --noEmit` checks. */
const EXAMPLES = ['examples/embedding/withoutReact.ts', 'examples/embedding/withReact.tsx', 'examples/embedding/inspectLive.ts']

describe('README "Embedding the machine"', () => {
  it.each(EXAMPLES)('shows %s exactly as the file has it', (path) => {
    expect(README).toContain(`\`${path}\``)
    expect(README).toContain(fencedFile(path, path.endsWith('.tsx') ? 'tsx' : 'ts'))
  })
})

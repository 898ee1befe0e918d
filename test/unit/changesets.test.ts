import getReleasePlan from '@changesets/get-release-plan'
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'

const root = new URL('../..', import.meta.url).pathname

describe('the changelog, kept with changesets', () => {
  it('reads every pending changeset as a release of the published package, and nothing of the private example', async () => {
    const plan = await getReleasePlan(root)
    expect(plan.changesets.length).toBeGreaterThan(0)
    const { version } = JSON.parse(await readFile(new URL('package.json', `file://${root}`), 'utf8'))
    expect(plan.releases.map(({ name, oldVersion }) => ({ name, oldVersion }))).toEqual([{ name: 'gatehouse', oldVersion: version }])
  })

  it('has a CHANGELOG.md that names the current version', async () => {
    const { version } = JSON.parse(await readFile(new URL('package.json', `file://${root}`), 'utf8'))
    expect(await readFile(new URL('CHANGELOG.md', `file://${root}`), 'utf8')).toContain(`\n## ${version}\n`)
  })
})

import { describe, expect, it } from 'vitest'
import { MACHINE_DIAGRAM_FILE, renderMachineDiagram } from '../../scripts/machineDiagram'
import { repoFile } from '../readme'

describe(`the README's picture of the auth machine (${MACHINE_DIAGRAM_FILE})`, () => {
  it('is drawn from the machine as it is now', () => {
    expect(renderMachineDiagram(), `${MACHINE_DIAGRAM_FILE} is stale: run \`npm run diagram\` and commit the file`).toBe(
      repoFile(MACHINE_DIAGRAM_FILE),
    )
  })

  it('stands alone: the SVG namespace, a size, a title and an opaque background for GitHub’s dark theme', () => {
    const svg = repoFile(MACHINE_DIAGRAM_FILE)
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" [^>]*width="\d+" height="\d+"/)
    expect(svg).toContain('<title>State diagram of the auth machine</title>')
    expect(svg).toMatch(/<rect width="\d+" height="\d+" fill="#ffffff"\/>/)
    expect(svg).not.toContain('style=')
  })

  it('is what the README shows', () => {
    expect(repoFile('README.md')).toContain(`](${MACHINE_DIAGRAM_FILE})`)
  })
})

// `npm run diagram`: draws the auth machine into docs/machine.svg, the picture the README shows.
// The drawing is Storybook's (stories/MachineDiagram.tsx), read from the machine definition, so
// the README's picture and the docs page's are one; test/unit/machineDiagram.test.ts fails when the file is stale.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { renderToStaticMarkup } from 'react-dom/server'
import { MachineDiagram } from '../stories/MachineDiagram'

/** Where the picture is written, from the repository's root. */
export const MACHINE_DIAGRAM_FILE = 'docs/machine.svg'

// GitHub shows an SVG image on the page's own background, dark in dark mode: an opaque
// background keeps the dark labels and arrows readable there.
const BACKGROUND = '#ffffff'
const FONT = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif"

/**
 * The auth machine's diagram as a standalone SVG file's text: the Storybook component's markup,
 * with what a file needs and a page gives it (the SVG namespace, a size, a `<title>`, a background).
 */
export function renderMachineDiagram(): string {
  const markup = renderToStaticMarkup(<MachineDiagram />)
  const opening = /^<svg ([^>]*)>/.exec(markup)
  if (!opening) throw new Error('MachineDiagram no longer renders an <svg> root')
  const attributes = opening[1]!
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(attributes)
  const label = /aria-label="([^"]*)"/.exec(attributes)
  if (!viewBox || !label) throw new Error('MachineDiagram’s <svg> lost its viewBox or its aria-label')
  const [, width, height] = viewBox
  // The page's style (a width of 100%) would leave an image without a size of its own: the file
  // says its size instead, and carries the font the page would have set.
  const fileAttributes = attributes.replace(/ ?style="[^"]*"/, '')
  // Coordinates to a hundredth of a pixel: a smaller file, and no last float digit for another
  // Node's Math.hypot to print differently.
  const body = markup.slice(opening[0].length).replace(/="[^"]*"/g, (value) => value.replace(/\d+\.\d+/g, (n) => String(+(+n).toFixed(2))))
  // One line per element of the picture: a stale file's diff (in the test, in a review) then shows which arrow or state moved.
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" ${fileAttributes} width="${width}" height="${height}" font-family="${FONT}">`,
    `<title>${label[1]}</title>`,
    `<rect width="${width}" height="${height}" fill="${BACKGROUND}"/>`,
    body.replace(/<(g|\/svg)>/g, '\n<$1>'),
    '',
  ].join('\n')
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = fileURLToPath(new URL(`../${MACHINE_DIAGRAM_FILE}`, import.meta.url))
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, renderMachineDiagram())
  console.log(`wrote ${MACHINE_DIAGRAM_FILE}`)
}

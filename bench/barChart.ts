// Horizontal bar charts as SVG text, with no dependency: BENCHMARKS.md shows them beside its table.

/** A chart: one group of bars per label, one bar per series in each group. */
export interface BarChartInput {
  title: string
  /** What the values count, printed after each value and under the axis: `req/s`, `ms`. */
  unit: string
  /** The series' names, in the order of each group's values, shown in a legend when there are several: `['p50', 'p99']`. */
  series?: readonly string[]
  groups: readonly { label: string; values: readonly number[] }[]
  /** Digits printed after the decimal point. Default 0. */
  decimals?: number
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif"
const INK = '#1c2024'
const MUTED = '#5c6370'
// Blue and orange stay apart for the common colour blindnesses; the others only for a third and fourth series.
const COLOURS = ['#2f5bd3', '#e07b00', '#2a9d8f', '#9b4dca']
const PLOT_WIDTH = 440
const BAR_HEIGHT = 16
const BAR_GAP = 4
const GROUP_GAP = 14
const PADDING = 16
const TITLE_SIZE = 15
const LABEL_SIZE = 12
const VALUE_SIZE = 11
// No font metrics without a renderer: a generous average glyph width, so labels and values fit in any sans-serif.
const GLYPH_WIDTH_EM = 0.62

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }
const escapeXml = (text: string) => text.replace(/[&<>"']/g, (character) => ENTITIES[character]!)
const textWidth = (text: string, fontSize = LABEL_SIZE) => Math.ceil(text.length * GLYPH_WIDTH_EM * fontSize)
// Hundredths of a pixel: enough for the eye, and short, stable text.
const px = (value: number) => String(Math.round(value * 100) / 100)

type Attributes = Record<string, string | number>
const attributesOf = (attributes: Attributes) =>
  Object.entries(attributes)
    .map(([attribute, value]) => ` ${attribute}="${escapeXml(typeof value === 'number' ? px(value) : value)}"`)
    .join('')
/** An SVG element, its attributes and text content escaped. */
const element = (name: string, attributes: Attributes, content?: string) =>
  content === undefined ? `<${name}${attributesOf(attributes)}/>` : `<${name}${attributesOf(attributes)}>${escapeXml(content)}</${name}>`

/** The step between axis ticks: 1, 2 or 5 times a power of ten, for about five ticks up to `max`. */
function tickStep(max: number) {
  const rough = max / 5
  const power = 10 ** Math.floor(Math.log10(rough))
  return [1, 2, 5, 10].map((factor) => factor * power).find((step) => step >= rough)!
}

/**
 * A horizontal bar chart as a standalone SVG document: each group's label on the left, its bars
 * from an axis that starts at 0, each value printed at its bar's end. A value that is not a
 * finite number draws no bar and prints `n/a`. The same input gives the same text, byte for
 * byte. It reads without a page's styles: an opaque background (GitHub shows images on its dark
 * background in dark mode), `role="img"` with the title as its label, and every value in a
 * `<desc>` for screen readers.
 *
 * @throws {RangeError} for a negative value, which an axis from 0 cannot show.
 */
export function barChart({ title, unit, series = [], groups, decimals = 0 }: BarChartInput): string {
  const values = groups.flatMap((group) => group.values.filter(Number.isFinite))
  const negative = values.find((value) => value < 0)
  if (negative !== undefined) throw new RangeError(`${title}: ${negative} is below the axis, which starts at 0`)

  const barsPerGroup = Math.max(1, series.length, ...groups.map((group) => group.values.length))
  const legend = barsPerGroup > 1
  const printed = (value: number) => (Number.isFinite(value) ? `${value.toFixed(decimals)} ${unit}` : 'n/a')
  // With several series each value names its series too, so the colours are not the only key.
  const barText = (value: number, index: number) => (legend && series[index] ? `${series[index]} ${printed(value)}` : printed(value))
  const colour = (index: number) => COLOURS[index % COLOURS.length]!

  const largest = Math.max(0, ...values)
  // All zeros, or nothing measured, still get an axis: from 0 to 1.
  const step = largest > 0 ? tickStep(largest) : 1
  const axisMax = Math.ceil(largest / step) * step || step
  const tickDecimals = Math.max(0, -Math.floor(Math.log10(step)))
  const ticks = Array.from({ length: Math.round(axisMax / step) + 1 }, (_, index) => index * step)

  const labelWidth = Math.max(0, ...groups.map((group) => textWidth(group.label)))
  const valueWidth = Math.max(0, ...groups.flatMap((group) => group.values.map((value, index) => textWidth(barText(value, index)))))
  const plotLeft = PADDING + labelWidth + 10
  const width = Math.max(plotLeft + PLOT_WIDTH + 8 + valueWidth, PADDING + textWidth(title, TITLE_SIZE)) + PADDING
  const plotTop = PADDING + 22 + (legend ? 22 : 0)
  const groupHeight = barsPerGroup * BAR_HEIGHT + (barsPerGroup - 1) * BAR_GAP
  const plotBottom = plotTop + groups.length * (groupHeight + GROUP_GAP)
  const height = plotBottom + 38 + PADDING
  const x = (value: number) => plotLeft + (value / axisMax) * PLOT_WIDTH

  const description = groups.map(({ label, values }) => `${label}: ${values.map(barText).join(', ')}`).join('; ')
  const svg = { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': title }
  const lines = [
    `<svg${attributesOf({ ...svg, 'font-family': FONT })}>`,
    element('title', {}, title),
    element('desc', {}, description),
    element('rect', { width, height, fill: '#ffffff', stroke: '#d0d7de' }),
    element('text', { x: PADDING, y: PADDING + 14, 'font-size': TITLE_SIZE, 'font-weight': '600', fill: INK }, title),
  ]
  if (legend) {
    let legendX = PADDING
    series.forEach((name, index) => {
      lines.push(
        element('rect', { x: legendX, y: PADDING + 26, width: 12, height: 12, fill: colour(index) }),
        element('text', { x: legendX + 16, y: PADDING + 36, 'font-size': LABEL_SIZE, fill: INK }, name),
      )
      legendX += 16 + textWidth(name) + 16
    })
  }
  for (const tick of ticks) {
    const tickX = x(tick)
    lines.push(
      element('line', { x1: tickX, y1: plotTop, x2: tickX, y2: plotBottom, stroke: tick === 0 ? MUTED : '#e5e8ec' }),
      element(
        'text',
        { x: tickX, y: plotBottom + 14, 'font-size': VALUE_SIZE, 'text-anchor': 'middle', fill: MUTED },
        tick.toFixed(tickDecimals),
      ),
    )
  }
  const axisTitle = { x: plotLeft + PLOT_WIDTH / 2, y: plotBottom + 32, 'font-size': LABEL_SIZE, 'text-anchor': 'middle', fill: MUTED }
  lines.push(element('text', axisTitle, unit))
  groups.forEach(({ label, values }, groupIndex) => {
    const groupTop = plotTop + GROUP_GAP / 2 + groupIndex * (groupHeight + GROUP_GAP)
    const labelAt = { x: plotLeft - 10, y: groupTop + groupHeight / 2 + 4, 'font-size': LABEL_SIZE, 'text-anchor': 'end', fill: INK }
    lines.push(element('text', labelAt, label))
    values.forEach((value, index) => {
      const barTop = groupTop + index * (BAR_HEIGHT + BAR_GAP)
      const barEnd = Number.isFinite(value) ? x(value) : plotLeft
      // A zero draws no bar at all rather than a sliver; its value still sits at the axis.
      if (barEnd > plotLeft)
        lines.push(element('rect', { x: plotLeft, y: barTop, width: barEnd - plotLeft, height: BAR_HEIGHT, fill: colour(index) }))
      lines.push(element('text', { x: barEnd + 6, y: barTop + BAR_HEIGHT - 4, 'font-size': VALUE_SIZE, fill: INK }, barText(value, index)))
    })
  })
  lines.push('</svg>', '')
  return lines.join('\n')
}

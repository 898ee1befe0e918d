import { describe, expect, it } from 'vitest'
import { barChart } from '../../bench/barChart'

/** Each bar's width, in the order the chart draws them (the legend's swatches are 12 by 12 and left out). */
const barWidths = (svg: string) =>
  [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="16"/g)].map((match) => Number(match[1]))
/** The text of every `<text>` element. */
const texts = (svg: string) => [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((match) => match[1])

const throughput = {
  title: 'Requests per second',
  unit: 'req/s',
  groups: [
    { label: 'gatehouse', values: [1200] },
    { label: 'idle route', values: [1000] },
    { label: 'Auth.js', values: [300] },
  ],
}

describe('barChart', () => {
  it('draws bars in proportion to their values, from an axis at 0', () => {
    const svg = barChart(throughput)
    const [gatehouse, idle, authjs] = barWidths(svg)
    expect(barWidths(svg)).toHaveLength(3)
    expect(idle! / gatehouse!).toBeCloseTo(1000 / 1200, 3)
    expect(authjs! / gatehouse!).toBeCloseTo(300 / 1200, 3)
    // Every bar starts where the 0 tick is.
    const zeroTick = /<line x1="([\d.]+)"[^>]*\/>\n<text [^>]*>0<\/text>/.exec(svg)?.[1]
    expect([...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="[\d.]+" height="16"/g)].map((match) => match[1])).toEqual([
      zeroTick,
      zeroTick,
      zeroTick,
    ])
  })

  it('prints each label, each value at its bar’s end with the unit, and the unit under the axis', () => {
    const svg = barChart({ ...throughput, decimals: 1 })
    expect(texts(svg)).toEqual(expect.arrayContaining(['Requests per second', 'gatehouse', 'idle route', 'Auth.js', 'req/s']))
    expect(texts(svg)).toEqual(expect.arrayContaining(['1200.0 req/s', '1000.0 req/s', '300.0 req/s']))
    const valueX = Number(/<text x="([\d.]+)"[^>]*>1200\.0 req\/s</.exec(svg)?.[1])
    const barStart = Number(/<rect x="([\d.]+)" y="[\d.]+" width="[\d.]+" height="16"/.exec(svg)?.[1])
    expect(valueX).toBeCloseTo(barStart + barWidths(svg)[0]! + 6, 1)
  })

  it('is an accessible, standalone image on an opaque background', () => {
    const svg = barChart(throughput)
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" [^>]*role="img" aria-label="Requests per second"/)
    expect(svg).toContain('<title>Requests per second</title>')
    expect(svg).toContain('<desc>gatehouse: 1200 req/s; idle route: 1000 req/s; Auth.js: 300 req/s</desc>')
    expect(svg).toMatch(/<rect width="\d+" height="\d+" fill="#ffffff"/)
    expect(svg.endsWith('</svg>\n')).toBe(true)
  })

  it('gives the same text for the same input', () => {
    expect(barChart(throughput)).toBe(barChart(structuredClone(throughput)))
  })

  it('escapes < & " and \' in the title, the unit, labels and series names', () => {
    const svg = barChart({
      title: 'A <b> & "c"',
      unit: '<µs>',
      series: ['p<50>', 'p&99'],
      groups: [{ label: `Tom & Jerry's "<script>"`, values: [1, 2] }],
    })
    expect(svg).not.toMatch(/<(b|script)>|& |"c"/)
    expect(svg).toContain('aria-label="A &lt;b&gt; &amp; &quot;c&quot;"')
    expect(svg).toContain('<title>A &lt;b&gt; &amp; &quot;c&quot;</title>')
    expect(svg).toContain('>Tom &amp; Jerry&apos;s &quot;&lt;script&gt;&quot;</text>')
    expect(svg).toContain('>p&lt;50&gt;</text>')
    expect(svg).toContain('>p&lt;50&gt; 1 &lt;µs&gt;</text>')
    expect(svg).toContain('>p&amp;99 2 &lt;µs&gt;</text>')
  })

  it('groups series side by side, in a legend, each value naming its series', () => {
    const svg = barChart({
      title: 'Latency',
      unit: 'ms',
      decimals: 1,
      series: ['p50', 'p99'],
      groups: [
        { label: 'gatehouse', values: [7, 20.5] },
        { label: 'Auth.js', values: [27, 53] },
      ],
    })
    const [p50, p99, authP50, authP99] = barWidths(svg)
    expect(p99! / p50!).toBeCloseTo(20.5 / 7, 2)
    expect(authP99! / authP50!).toBeCloseTo(53 / 27, 2)
    expect(texts(svg)).toEqual(expect.arrayContaining(['p50', 'p99', 'p50 7.0 ms', 'p99 20.5 ms', 'p50 27.0 ms', 'p99 53.0 ms']))
    const swatches = [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="12" height="12" fill="(#\w+)"/g)].map((match) => match[1])
    const barFills = [...svg.matchAll(/height="16" fill="(#\w+)"/g)].map((match) => match[1])
    expect(barFills).toEqual([swatches[0], swatches[1], swatches[0], swatches[1]])
  })

  it('draws a zero as no bar, with its value at the axis, and all zeros on an axis from 0 to 1', () => {
    const svg = barChart({ title: 'Zeros', unit: 'ms', groups: [{ label: 'backend', values: [0] }] })
    expect(barWidths(svg)).toEqual([])
    expect(texts(svg)).toEqual(expect.arrayContaining(['0 ms', '0', '1']))
    expect(svg).not.toMatch(/NaN|Infinity/)
    const mixed = barChart({
      title: 'Mixed',
      unit: 'ms',
      groups: [
        { label: 'a', values: [0] },
        { label: 'b', values: [4] },
      ],
    })
    expect(barWidths(mixed)).toHaveLength(1)
    expect(texts(mixed)).toContain('0 ms')
  })

  it('draws a single value as one bar, on an axis that reaches past it', () => {
    const svg = barChart({ title: 'One', unit: 'req/s', groups: [{ label: 'only', values: [12466] }] })
    expect(barWidths(svg)).toHaveLength(1)
    expect(texts(svg)).toEqual(expect.arrayContaining(['only', '12466 req/s', '0', '15000']))
    expect(barWidths(svg)[0]).toBeCloseTo((12466 / 15000) * 440, 1)
  })

  it('prints n/a for a value not measured, and refuses a negative one', () => {
    const svg = barChart({
      title: 'Gaps',
      unit: 'µs',
      groups: [
        { label: 'backend', values: [Number.NaN] },
        { label: 'app', values: [900] },
      ],
    })
    expect(texts(svg)).toEqual(expect.arrayContaining(['n/a', '900 µs']))
    expect(barWidths(svg)).toHaveLength(1)
    expect(() => barChart({ title: 'Below', unit: 'ms', groups: [{ label: 'a', values: [-1] }] })).toThrow(RangeError)
  })

  it('draws an empty chart without failing', () => {
    expect(barChart({ title: 'Empty', unit: 'ms', groups: [] })).toMatch(/^<svg [\s\S]*<\/svg>\n$/)
  })
})

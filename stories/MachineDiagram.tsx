import { authMachine } from '../src/core'

/**
 * Where each state sits, read left to right: hydrating, then signed out or signing in (below it,
 * the second factor and its check), signed in, then refreshing or retrying (degraded), and signing out. The arrows are read from the machine
 * itself, so they cannot drift from it.
 */
const POSITIONS: Record<string, [number, number]> = {
  hydrating: [112, 280],
  signingIn: [290, 250],
  secondFactor: [160, 470],
  verifyingSecondFactor: [330, 650],
  signedIn: [520, 90],
  signedOut: [520, 470],
  refreshing: [800, 90],
  degraded: [1010, 280],
  signingOut: [800, 470],
}

type Point = [number, number]
type Box = { x: number; y: number; width: number; height: number }

/** A state's pill: half its width and half its height (the height is its corners' diameter). */
const PILL = { halfWidth: 94, halfHeight: 20 }
/** How far an arrow's ends stay off a pill's outline. */
const GAP = 4
/** How far an arrow passing by keeps off another state's pill. */
const CLEARANCE = 14
const MARGIN = 16
const FONT_SIZE = 11
const LINE_HEIGHT = 13
/** A generous estimate of an 11px character's width: the label boxes must not be narrower than their text. */
const CHAR_WIDTH = 6.3
/** The longest line of a label before the next event goes on a line of its own. */
const MAX_LINE = 20

const labelOf = (event: string) =>
  event === ''
    ? 'server session'
    : event
        .replace(/^xstate\.done\.actor\.(\w+)$/, '$1 ok')
        .replace(/^xstate\.error\.actor\.(\w+)$/, '$1 failed')
        .replace(/^xstate\.after\.(\w+)\..*$/, 'after $1')

function edges() {
  const merged = new Map<string, { from: string; to: string; labels: Set<string> }>()
  for (const [from, node] of Object.entries(authMachine.root.states)) {
    const transitions = [...node.transitions].flatMap(([event, definitions]) =>
      definitions.map((definition) => [event, definition] as const),
    )
    for (const [event, definition] of [...transitions, ...(node.always ?? []).map((definition) => ['', definition] as const)]) {
      // A state that re-enters itself (another tab refreshed: the timer starts over) has no arrow to draw.
      for (const target of (definition.target ?? []).filter((node) => node.key !== from)) {
        const key = `${from}>${target.key}`
        const edge = merged.get(key) ?? { from, to: target.key, labels: new Set<string>() }
        edge.labels.add(labelOf(event))
        merged.set(key, edge)
      }
    }
  }
  return [...merged.values()]
}

/** A quadratic Bézier curve's point at `t`. */
const at = ([p0, c, p2]: [Point, Point, Point], t: number): Point => [
  (1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * c[0] + t ** 2 * p2[0],
  (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * c[1] + t ** 2 * p2[1],
]

/** The curve's direction at `t`, of length 1. */
const tangent = ([p0, c, p2]: [Point, Point, Point], t: number): Point => {
  const dx = 2 * (1 - t) * (c[0] - p0[0]) + 2 * t * (p2[0] - c[0])
  const dy = 2 * (1 - t) * (c[1] - p0[1]) + 2 * t * (p2[1] - c[1])
  const length = Math.hypot(dx, dy)
  return [dx / length, dy / length]
}

/** Whether a point is within `grow` of the pill centred on `centre` (a rounded rectangle whose corners are half circles). */
const inPill = ([x, y]: Point, [cx, cy]: Point, grow: number) =>
  Math.hypot(Math.max(0, Math.abs(x - cx) - (PILL.halfWidth - PILL.halfHeight)), y - cy) <= PILL.halfHeight + grow

/** Where, between `inside` and `outside`, the curve crosses a pill's outline (grown by `grow`): by bisection. */
function exit(curve: [Point, Point, Point], centre: Point, inside: number, outside: number, grow: number) {
  for (let step = 0; step < 30; step++) {
    const middle = (inside + outside) / 2
    if (inPill(at(curve, middle), centre, grow)) inside = middle
    else outside = middle
  }
  return outside
}

/** The part of a quadratic curve between `t0` and `t1`, itself a quadratic curve (its control point is the curve's blossom). */
const part = ([p0, c, p2]: [Point, Point, Point], t0: number, t1: number): [Point, Point, Point] => {
  const weights = [(1 - t0) * (1 - t1), t0 * (1 - t1) + (1 - t0) * t1, t0 * t1] as const
  const control: Point = [
    weights[0] * p0[0] + weights[1] * c[0] + weights[2] * p2[0],
    weights[0] * p0[1] + weights[1] * c[1] + weights[2] * p2[1],
  ]
  return [at([p0, c, p2], t0), control, at([p0, c, p2], t1)]
}

const overlaps = (a: Box, b: Box, pad = 0) =>
  a.x < b.x + b.width + pad && b.x < a.x + a.width + pad && a.y < b.y + b.height + pad && b.y < a.y + a.height + pad
const contains = (box: Box, [x, y]: Point) => x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height
const pillBox = ([x, y]: Point): Box => ({
  x: x - PILL.halfWidth,
  y: y - PILL.halfHeight,
  width: 2 * PILL.halfWidth,
  height: 2 * PILL.halfHeight,
})

/** A label's lines: its events, joined until a line would grow past `MAX_LINE` characters. */
function linesOf(labels: Iterable<string>) {
  const lines: string[] = []
  for (const label of labels) {
    const last = lines.length - 1
    if (last >= 0 && lines[last]!.length + label.length + 2 <= MAX_LINE) lines[last] = `${lines[last]}, ${label}`
    else {
      if (last >= 0) lines[last] = `${lines[last]},`
      lines.push(label)
    }
  }
  return lines
}

/**
 * Each transition's curve, from the outline of its source's pill to its target's, and its label.
 * A curve bends away from the middle of the picture, as little as keeps it clear of the other
 * pills; of two opposite arrows, the one with the longer label bends outward and the other inward,
 * so they draw two separate curves. A label sits beside its curve, near the curve's middle, where
 * it covers no pill and no other label, and as little of the other curves as can be.
 */
function layout() {
  const pills = Object.values(POSITIONS)
  const centroid: Point = [pills.reduce((sum, [x]) => sum + x, 0) / pills.length, pills.reduce((sum, [, y]) => sum + y, 0) / pills.length]
  const all = edges().map((edge) => ({ ...edge, lines: linesOf(edge.labels) }))
  const text = (edge: (typeof all)[number]) => edge.lines.join(' ')
  const frame = (from: string, to: string) => {
    const p0 = POSITIONS[from]!
    const p2 = POSITIONS[to]!
    const length = Math.hypot(p2[0] - p0[0], p2[1] - p0[1])
    const left: Point = [(p2[1] - p0[1]) / length, -(p2[0] - p0[0]) / length]
    const middle: Point = [(p0[0] + p2[0]) / 2, (p0[1] + p2[1]) / 2]
    // +1 when the curve's left is away from the middle of the picture.
    const outward = (middle[0] - centroid[0]) * left[0] + (middle[1] - centroid[1]) * left[1] >= 0 ? 1 : -1
    return { p0, p2, left, middle, outward }
  }
  const routed = all.map((edge) => {
    const { from, to } = edge
    const { p0, p2, left, middle, outward } = frame(from, to)
    const reverse = all.find((other) => other.from === to && other.to === from)
    // Each of a pair bends to its own left or both to their own right: to opposite sides, the longer label's outward.
    const leads = !reverse || text(edge).length > text(reverse).length || (text(edge).length === text(reverse).length && from < to)
    const sign = leads ? outward : frame(to, from).outward
    // The bend is how far the curve's middle leaves the straight line (its control point goes twice as far).
    const bends = (reverse ? [36, 56, 80, 108, 140, 175] : [16, -16, 36, -36, 60, -60, 90, -90, 125, -125, 165, -165]).map(
      (bend) => bend * sign,
    )
    const curveOf = (bend: number): [Point, Point, Point] => {
      const whole: [Point, Point, Point] = [p0, [middle[0] + left[0] * 2 * bend, middle[1] + left[1] * 2 * bend], p2]
      return part(whole, exit(whole, p0, 0, 0.5, GAP), exit(whole, p2, 1, 0.5, GAP))
    }
    const clear = (curve: [Point, Point, Point]) =>
      Array.from({ length: 41 }, (_, i) => at(curve, i / 40)).every((point) =>
        pills.every((centre) => centre === p0 || centre === p2 || !inPill(point, centre, CLEARANCE)),
      )
    const bend = bends.find((bend) => clear(curveOf(bend))) ?? bends[0]!
    return { ...edge, bend, curve: curveOf(bend) }
  })

  const samples = routed.map(({ curve }) => Array.from({ length: 201 }, (_, i) => at(curve, i / 200)))
  // The arrowheads: the last 14px of each curve, which no label may cover.
  const heads = routed.flatMap(({ curve }) => {
    const [ex, ey] = curve[2]
    const [dx, dy] = tangent(curve, 1)
    return [0, 5, 10, 14].map((back): Point => [ex - dx * back, ey - dy * back])
  })
  const placed: Box[] = []
  const labelled = new Map<(typeof routed)[number], Box>()
  // The longest labels are the hardest to place: they go first.
  const order = [...routed].sort((a, b) => text(b).length - text(a).length || (a.from + a.to).localeCompare(b.from + b.to))
  for (const edge of order) {
    const width = Math.max(...edge.lines.map((line) => line.length)) * CHAR_WIDTH
    const height = edge.lines.length * LINE_HEIGHT
    const own = routed.indexOf(edge)
    let best: { box: Box; cost: number } | undefined
    for (const [index, t] of [0.5, 0.44, 0.56, 0.38, 0.62, 0.32, 0.68, 0.26, 0.74].entries()) {
      // Beside the curve on the outside of its bend, else on the inside, else on the curve itself (its halo breaking it).
      for (const side of [1, -1, 0]) {
        const point = at(edge.curve, t)
        const [dx, dy] = tangent(edge.curve, t)
        const sign = (edge.bend >= 0 ? 1 : -1) * side
        const normal: Point = [dy * sign, -dx * sign]
        const reach = side === 0 ? 0 : 5 + Math.abs(normal[0]) * (width / 2) + Math.abs(normal[1]) * (height / 2)
        const centre: Point = [point[0] + normal[0] * reach, point[1] + normal[1] * reach]
        const box = { x: centre[0] - width / 2, y: centre[1] - height / 2, width, height }
        const near = { x: box.x - 6, y: box.y - 6, width: width + 12, height: height + 12 }
        const crossings = samples.reduce(
          (sum, points, other) =>
            other === own ? sum : sum + points.filter((p) => (contains(box, p) ? 4 : contains(near, p) ? 1 : 0)).length,
          0,
        )
        const cost =
          (pills.some((pill) => overlaps(box, pillBox(pill), 4)) ? 1e6 : 0) +
          (placed.some((other) => overlaps(box, other, 4)) ? 1e6 : 0) +
          (heads.some((head) => contains({ x: box.x - 3, y: box.y - 3, width: width + 6, height: height + 6 }, head)) ? 1e5 : 0) +
          (box.x < MARGIN / 2 || box.y < MARGIN / 2 ? 1e5 : 0) +
          crossings * 5 +
          index * 4 +
          (side === 1 ? 0 : side === -1 ? 30 : 60)
        if (!best || cost < best.cost) best = { box, cost }
      }
    }
    placed.push(best!.box)
    labelled.set(edge, best!.box)
  }
  return routed.map((edge) => ({ ...edge, box: labelled.get(edge)! }))
}

/** A picture of the auth machine: its states, and every transition with the events that take it. */
export function MachineDiagram() {
  const arrows = layout()
  const extents = [
    ...Object.values(POSITIONS).map(([x, y]) => [x + PILL.halfWidth, y + PILL.halfHeight]),
    ...arrows.flatMap(({ curve, box }) => [
      ...Array.from({ length: 21 }, (_, i) => at(curve, i / 20)),
      [box.x + box.width, box.y + box.height],
    ]),
  ]
  const width = Math.ceil(Math.max(...extents.map(([x]) => x!)) + MARGIN)
  const height = Math.ceil(Math.max(...extents.map(([, y]) => y!)) + MARGIN)
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label="State diagram of the auth machine"
      style={{ width: '100%', maxWidth: width, fontFamily: 'system-ui, sans-serif' }}
    >
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" fill="#5c6370" />
        </marker>
      </defs>
      {arrows.map(({ from, to, curve: [start, control, end] }) => (
        <g key={`${from}>${to}`}>
          <path
            d={`M${start[0]},${start[1]} Q${control[0]},${control[1]} ${end[0]},${end[1]}`}
            fill="none"
            stroke="#5c6370"
            strokeWidth="1.5"
            markerEnd="url(#arrow)"
          />
        </g>
      ))}
      {Object.entries(POSITIONS).map(([state, [x, y]]) => (
        <g key={state}>
          <rect
            x={x - PILL.halfWidth}
            y={y - PILL.halfHeight}
            width={2 * PILL.halfWidth}
            height={2 * PILL.halfHeight}
            rx={PILL.halfHeight}
            fill={state === 'hydrating' ? '#eef3ff' : '#fff'}
            stroke="#2f5bd3"
            strokeWidth="1.5"
          />
          <text x={x} y={y + 5} fontSize="14" fontWeight="600" textAnchor="middle" fill="#1c2024">
            {state}
          </text>
        </g>
      ))}
      {/* The labels go over every curve, each with a white halo, so a curve crossing one leaves it legible. */}
      {arrows.map(({ from, to, lines, box }) => (
        <g key={`${from}>${to}:label`}>
          <text
            x={box.x + box.width / 2}
            y={box.y + box.height / 2 - ((lines.length - 1) * LINE_HEIGHT) / 2 + 4}
            fontSize={FONT_SIZE}
            fill="#1c2024"
            textAnchor="middle"
            paintOrder="stroke"
            stroke="#fff"
            strokeWidth="4"
            strokeLinejoin="round"
          >
            {lines.map((line, index) => (
              <tspan key={line} x={box.x + box.width / 2} dy={index === 0 ? 0 : LINE_HEIGHT}>
                {line}
              </tspan>
            ))}
          </text>
        </g>
      ))}
    </svg>
  )
}

import { authMachine } from '../src/core'

/** Where each state sits; the arrows are read from the machine itself, so they cannot drift from it. */
const POSITIONS: Record<string, [number, number]> = {
  hydrating: [90, 210],
  signedIn: [360, 60],
  signingIn: [360, 210],
  signedOut: [360, 360],
  refreshing: [680, 60],
  degraded: [860, 210],
  signingOut: [680, 360],
}

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

/** A picture of the auth machine: its states, and every transition with the events that take it. */
export function MachineDiagram() {
  return (
    <svg
      viewBox="0 0 940 420"
      role="img"
      aria-label="State diagram of the auth machine"
      style={{ width: '100%', maxWidth: 940, fontFamily: 'system-ui, sans-serif' }}
    >
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" fill="#5c6370" />
        </marker>
      </defs>
      {edges().map(({ from, to, labels }) => {
        const [x1, y1] = POSITIONS[from]!
        const [x2, y2] = POSITIONS[to]!
        // Bend every arrow to its left, so a pair of opposite arrows draws two separate curves.
        const length = Math.hypot(x2 - x1, y2 - y1)
        const [cx, cy] = [(x1 + x2) / 2 + ((y2 - y1) / length) * 40, (y1 + y2) / 2 - ((x2 - x1) / length) * 40]
        const shorten = (x: number, y: number, towardX: number, towardY: number): [number, number] => {
          const distance = Math.hypot(towardX - x, towardY - y)
          return [x + ((towardX - x) / distance) * 30, y + ((towardY - y) / distance) * 30]
        }
        const [sx, sy] = shorten(x1, y1, cx, cy)
        const [ex, ey] = shorten(x2, y2, cx, cy)
        // Labels sit 40% of the way from the source, so two crossing arrows keep theirs apart,
        // on the outer side of the bend.
        const [lx, ly] = [0.36 * sx + 0.48 * cx + 0.16 * ex, 0.36 * sy + 0.48 * cy + 0.16 * ey]
        const outward = (y2 - y1) / length
        const anchor = outward > 0.5 ? 'start' : outward < -0.5 ? 'end' : 'middle'
        return (
          <g key={`${from}>${to}`}>
            <path d={`M${sx},${sy} Q${cx},${cy} ${ex},${ey}`} fill="none" stroke="#5c6370" strokeWidth="1.5" markerEnd="url(#arrow)" />
            <text
              x={lx + (anchor === 'start' ? 4 : anchor === 'end' ? -4 : 0)}
              y={ly}
              fontSize="11"
              fill="#1c2024"
              textAnchor={anchor}
              paintOrder="stroke"
              stroke="#fff"
              strokeWidth="4"
            >
              {[...labels].join(', ')}
            </text>
          </g>
        )
      })}
      {Object.entries(POSITIONS).map(([state, [x, y]]) => (
        <g key={state}>
          <rect
            x={x - 62}
            y={y - 20}
            width="124"
            height="40"
            rx="20"
            fill={state === 'hydrating' ? '#eef3ff' : '#fff'}
            stroke="#2f5bd3"
            strokeWidth="1.5"
          />
          <text x={x} y={y + 5} fontSize="14" fontWeight="600" textAnchor="middle" fill="#1c2024">
            {state}
          </text>
        </g>
      ))}
    </svg>
  )
}

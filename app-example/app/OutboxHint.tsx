import Link from 'next/link'
import { outboxEnabled } from './outboxEnabled'

/**
 * Where this demo's mail goes, on the pages that send some: nothing is really mailed, the demo
 * backend keeps it for the outbox page. Nothing at all where that page is off.
 *
 * @example
 * <OutboxHint />
 */
export function OutboxHint() {
  if (!outboxEnabled()) return null
  return (
    <p className="outbox-hint">
      This demo sends no real mail: the links it would send are in <Link href="/dev/outbox">the outbox</Link>.
    </p>
  )
}

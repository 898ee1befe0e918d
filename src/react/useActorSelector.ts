import { useCallback, useRef, useSyncExternalStore } from 'react'
import type { AnyActorRef, SnapshotFrom } from 'xstate'

/**
 * What `select` reads from the actor's snapshot, kept the same object while `equal` says nothing
 * changed, so a component re-renders only when its selection does. The server render reads the
 * actor's initial snapshot.
 */
export function useActorSelector<Actor extends AnyActorRef, Selected>(
  actor: Actor,
  select: (snapshot: SnapshotFrom<Actor>) => Selected,
  equal: (a: Selected, b: Selected) => boolean = Object.is,
): Selected {
  const last = useRef<{ selected: Selected } | null>(null)
  const subscribe = useCallback((onChange: () => void) => {
    const subscription = actor.subscribe(onChange)
    return () => subscription.unsubscribe()
  }, [actor])
  const read = () => {
    const selected = select(actor.getSnapshot())
    if (last.current && equal(last.current.selected, selected)) return last.current.selected
    last.current = { selected }
    return selected
  }
  return useSyncExternalStore(subscribe, read, read)
}

/**
 * One handler that runs the caller's handler first and then the component's own, unless the
 * caller's called `event.preventDefault()`: a caller can add to what a component does, or
 * cancel it, without losing it by passing a handler of their own.
 *
 * @example
 * <button onClick={composeEventHandlers(props.onClick, signOut)} />
 */
export function composeEventHandlers<E extends { defaultPrevented: boolean }>(
  theirs: ((event: E) => void) | undefined,
  ours: (event: E) => void,
): (event: E) => void {
  return (event) => {
    theirs?.(event)
    if (!event.defaultPrevented) ours(event)
  }
}

/**
 * The component's own class names followed by the caller's, so a caller's `className` adds to
 * the default look rather than replacing the `gatehouse-*` classes the stylesheet targets.
 *
 * @example
 * joinClassNames('gatehouse-button', undefined) // 'gatehouse-button'
 * joinClassNames('gatehouse-button', 'wide') // 'gatehouse-button wide'
 */
export const joinClassNames = (...names: (string | false | null | undefined)[]) => names.filter(Boolean).join(' ')

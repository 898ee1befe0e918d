import { useCallback, type Ref, type RefCallback } from 'react'

type Cleanup = () => void

function setRef<T>(ref: Ref<T> | undefined, node: T | null): Cleanup | undefined {
  if (typeof ref === 'function') return ref(node) || undefined
  if (ref) ref.current = node
  return undefined
}

/**
 * One callback ref that hands the node to every ref given (the caller's and the component's
 * own), so a component can keep a ref to its element and still forward `ref`. A callback ref
 * that returns a cleanup (React 19) gets it called instead of a call with `null`.
 *
 * @example
 * const own = useRef<HTMLFormElement>(null)
 * return <form ref={useComposedRefs(ref, own)} />
 */
export function useComposedRefs<T>(...refs: (Ref<T> | undefined)[]): RefCallback<T> {
  return useCallback((node: T | null) => {
    const cleanups = refs.map((ref) => setRef(ref, node))
    return () => {
      for (const [index, cleanup] of cleanups.entries()) {
        if (cleanup) cleanup()
        else setRef(refs[index], null)
      }
    }
    // biome-ignore lint/correctness/useExhaustiveDependencies: the refs themselves are the dependencies
  }, refs)
}

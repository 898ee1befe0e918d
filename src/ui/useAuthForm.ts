'use client'
import { useId, useLayoutEffect, useRef, useState, type FormEvent } from 'react'
import { safeRedirectPath } from '../contract/safeRedirectPath'
import type { AccountOutcome, AuthError } from '../contract/types'
import { useRetryCountdown } from './useRetryCountdown'

/** How a sign-in or an account flow ended: `signedIn: false` with the outcome when nobody was signed in. */
export type AuthFormResult = { ok: true; signedIn?: boolean; outcome?: AccountOutcome | null } | { ok: false; error: AuthError }

/** Where a form starts and where it goes once someone is signed in. */
export interface AuthFormOptions {
  /** The error to show from the start (the page's, from `authErrorFromSearchParams`). */
  error?: AuthError | null
  /** The outcome to show from the start (from the page's URL). */
  outcome?: AccountOutcome | null
  /** Where to go once signed in; anything but a path on this site falls back to `/`. */
  redirectTo?: string
  /** Called once signed in instead of the full page load to `redirectTo`. */
  onSuccess?: () => void
}

/**
 * What every gatehouse form does the same way: one request at a time, the answer's error (with
 * its per-field messages, and focus on the first invalid field), the outcome, the countdown of a
 * `rate_limited` answer, and the redirect once signed in.
 *
 * @example
 * const form = useAuthForm({ redirectTo: '/dashboard' })
 * <form onSubmit={form.submit((data) => requestPasswordReset(readIdentifier(data, 'email')))}>
 *   <TextField label="Email" {...form.field('email')} />
 * </form>
 */
export function useAuthForm({ error: initialError = null, outcome: initialOutcome = null, redirectTo = '/', onSuccess }: AuthFormOptions) {
  const id = useId()
  const [error, setError] = useState(initialError)
  const [outcome, setOutcome] = useState(initialOutcome)
  const [busy, setBusy] = useState(false)
  // `busy` arrives with the next render; a second click can come before it.
  const running = useRef(false)
  // The form of the last submit: only an answer to a submit has fields to focus. The form's `ref` stays the caller's.
  const submitted = useRef<HTMLFormElement>(null)
  const waitSeconds = useRetryCountdown(error)
  const fields = error?.fields ?? {}

  // Focus moves once per answer: to its first invalid field, in the form's order.
  useLayoutEffect(() => {
    if (error?.fields) submitted.current?.querySelector<HTMLElement>('[aria-invalid]')?.focus()
  }, [error])

  const run = async (send: () => Promise<AuthFormResult>) => {
    if (running.current || waitSeconds) return
    running.current = true
    setBusy(true)
    setError(null)
    const result = await send()
    running.current = false
    setBusy(false)
    if (!result.ok) setError(result.error)
    else if (result.signedIn === false) setOutcome(result.outcome ?? null)
    else if (onSuccess) onSuccess()
    else location.assign(safeRedirectPath(redirectTo))
  }

  return {
    error,
    setError,
    outcome,
    /** A request is in flight. */
    busy,
    /** The form is busy or throttled: its submit button is disabled. */
    locked: busy || !!waitSeconds,
    run,
    /** A submit handler: sends the form's data once, unless a request is already in flight. */
    submit: (send: (data: FormData) => Promise<AuthFormResult>) => (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault()
      submitted.current = event.currentTarget
      const data = new FormData(event.currentTarget)
      run(() => send(data))
    },
    /** The props of one field's input: its id, name and the error wiring, with the messages the answer gave it. */
    field: (name: string) => ({ id: `${id}-${name}`, name, errors: fields[name] }),
    /**
     * The form-level alert: the countdown while throttled, else the error's sentence, or for a
     * 422 the messages of fields the form does not show (a hidden token's, say).
     */
    alert: (tryAgainIn: (seconds: number) => string, shownFields: readonly string[]) =>
      waitSeconds
        ? tryAgainIn(waitSeconds)
        : // A wait that is over leaves nothing to say; one the script never counted (`null`) still says why.
          error &&
          waitSeconds !== 0 &&
          (error.fields
            ? Object.keys(error.fields)
                .filter((name) => !shownFields.includes(name))
                .flatMap((name) => fields[name]!)
                .join(' ')
            : error.message),
  }
}

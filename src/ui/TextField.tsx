import type { ComponentProps } from 'react'

/**
 * A labelled input with the messages a 422 gave it underneath, tied by `aria-describedby` and
 * marked `aria-invalid`. Takes what `useAuthForm`'s `field(name)` returns, and any `<input>` attribute.
 *
 * @example
 * <TextField label="Password" type="password" autoComplete="current-password" required {...form.field('password')} />
 */
export function TextField({ label, errors, ...inputProps }: ComponentProps<'input'> & { id: string; label: string; errors?: string[] }) {
  const errorId = `${inputProps.id}-error`
  return (
    <div className="gatehouse-field">
      <label className="gatehouse-label" htmlFor={inputProps.id}>
        {label}
      </label>
      <input className="gatehouse-input" aria-invalid={errors && true} aria-describedby={errors && errorId} {...inputProps} />
      {errors && (
        <p id={errorId} className="gatehouse-field-error">
          {errors.join(' ')}
        </p>
      )}
    </div>
  )
}

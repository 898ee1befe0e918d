/** The messages a 422 gave one field, with the id its input's `aria-describedby` points at. */
export function FieldError({ id, errors }: { id: string; errors: string[] | undefined }) {
  if (!errors?.length) return null
  return (
    <p id={id} className="gatehouse-field-error">
      {errors.join(' ')}
    </p>
  )
}

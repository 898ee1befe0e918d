/** The messages a 422 gave one field, with the id its input's `aria-describedby` points at. */
export function FieldError({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages?.length) return null
  return (
    <p id={id} className="gatehouse-field-error">
      {messages.join(' ')}
    </p>
  )
}

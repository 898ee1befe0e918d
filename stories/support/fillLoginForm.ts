import { userEvent, within } from 'storybook/test'

/** Types an identifier and a password into the story's login form and presses its button. */
export async function fillLoginForm(canvasElement: HTMLElement, identifier: string, password: string, { label = 'Email', submit = 'Sign in' } = {}) {
  const canvas = within(canvasElement)
  await userEvent.type(await canvas.findByLabelText(label), identifier)
  await userEvent.type(canvas.getByLabelText('Password'), password)
  await userEvent.click(canvas.getByRole('button', { name: submit }))
  return canvas
}

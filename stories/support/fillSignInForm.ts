import { userEvent, within } from 'storybook/test'

/** Types an identifier and a password into the story's sign-in form and presses its button. */
export async function fillSignInForm(
  canvasElement: HTMLElement,
  identifier: string,
  password: string,
  { identifierLabel = 'Email', buttonName = 'Sign in' } = {},
) {
  const canvas = within(canvasElement)
  await userEvent.type(await canvas.findByLabelText(identifierLabel), identifier)
  await userEvent.type(canvas.getByLabelText('Password'), password)
  await userEvent.click(canvas.getByRole('button', { name: buttonName }))
  return canvas
}

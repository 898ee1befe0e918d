import type { Page } from 'playwright-core'

/** Fills and sends the sign-in form of the page already open, as a person would; `label` names the identifier field. */
export async function signInThroughForm(page: Page, identifier: string, password: string, label: 'Email' | 'Username' = 'Email') {
  await page.getByLabel(label).fill(identifier)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

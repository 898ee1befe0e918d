import type { Page } from 'playwright-core'

/** Fills and sends the sign-in form of the page already open, as a person would. */
export async function signInThroughForm(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

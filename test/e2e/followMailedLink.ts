import type { Page } from 'playwright-core'

/**
 * Opens the example's development outbox page and clicks the link of the newest mail to `to`
 * whose subject is `subject`, as a person would in their mail; resolves with the link's path.
 * The page it leads to may act at once (a confirmation link signs in and moves on): wait for what it shows, not for its load.
 */
export async function followMailedLink(page: Page, to: string, subject: string): Promise<string> {
  await page.goto('/dev/outbox')
  const mails = page
    .getByTestId('outbox-message')
    .filter({ has: page.getByTestId('outbox-to').getByText(to, { exact: true }) })
    .filter({ hasText: subject })
  // Newest first: the first one is the mail just sent.
  const link = mails.first().getByRole('link')
  const href = await link.getAttribute('href')
  if (href === null) throw new Error(`The outbox shows no link in the mail "${subject}" to ${to}.`)
  await link.click()
  return href
}

import { expect, waitFor, within } from 'storybook/test'

/**
 * Asserts a form counts a 30-second throttle down with its button disabled, and masks the alert
 * for the screenshot: the second it shows depends on when the screenshot is taken.
 */
export async function expectCountdown(canvasElement: HTMLElement, buttonName: string | RegExp, pattern = /Try again in (\d+) seconds\./) {
  const canvas = within(canvasElement)
  const alert = await waitFor(() => canvas.getByRole('alert'))
  await waitFor(() => expect(alert).toHaveTextContent(pattern))
  const first = Number(alert.textContent?.match(pattern)?.[1])
  await expect(first).toBeGreaterThan(25)
  await expect(first).toBeLessThanOrEqual(30)
  await expect(canvas.getByRole('button', { name: buttonName })).toBeDisabled()
  // It counts: a second later it says less.
  await waitFor(() => expect(Number(alert.textContent?.match(pattern)?.[1])).toBeLessThan(first), { timeout: 2500 })
  alert.setAttribute('data-screenshot-mask', '')
}

/**
 * Every form's default countdown sentence while a `rate_limited` answer is waited out.
 *
 * @example
 * tryAgainIn(1) // 'Too many attempts. Try again in 1 second.'
 */
export const tryAgainIn = (seconds: number) => `Too many attempts. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`

import * as ERROR_MESSAGES from './errorMessages'

/**
 * Every error code a gatehouse route, the browser transport or the machine can answer with: a
 * closed list, the names of `errorMessages.ts`'s exports, so a new code is one line there with
 * its sentence. A bundle carries only the sentences its code names.
 */
export type ErrorCode = keyof typeof ERROR_MESSAGES

/** Each code's default sentence, for places that show any of them. */
export { ERROR_MESSAGES }

/** Whether `code` is one of the catalogue's. */
export const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.hasOwn(ERROR_MESSAGES, code)

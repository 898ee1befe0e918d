import { waitForAnswer } from '../backend/waitForAnswer'
import { GatehouseError } from '../GatehouseError'
import type { AuthRoute } from './RouteContext'
import { signedOut } from './routeResults'

/** `POST sign-out`: tells the backend, and clears the cookies whatever it answers, or however late. */
export const signOutRoute: AuthRoute = async (context, stored) => {
  const told = context.backend.signOut({ accessToken: stored.access?.accessToken, refreshToken: stored.refresh?.refreshToken })
  try {
    await waitForAnswer(told, context.waitMs, () =>
      context.logger.warn('[gatehouse] the backend confirmed a sign-out late; nothing left to do.'),
    )
  } catch (error) {
    // The cookies go regardless: a backend that cannot hear the sign-out must not keep anyone signed in here.
    context.logger.warn(
      `[gatehouse] the backend did not confirm the sign-out (${error instanceof GatehouseError ? error.code : 'error'}); cookies cleared anyway.`,
    )
  }
  return signedOut(context.store.clear(stored))
}

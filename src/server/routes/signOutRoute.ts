import { waitForAnswer } from '../backend/waitForAnswer'
import { GatehouseError } from '../GatehouseError'
import type { AuthRoute } from './RouteContext'
import { signedOut } from './routeResults'

/**
 * `POST sign-out`: records the session as signed out, so that copies of its cookies are refused
 * for as long as they could be used; tells the backend (the refresh token too, where the adapter
 * can send it); and clears the cookies whatever the backend answers, or however late.
 */
export const signOutRoute: AuthRoute = async (context, stored) => {
  const { access, refresh } = stored
  const recorded = access && context.revocations.revoke(access.sessionId, refresh?.expiresAt ?? access.expiresAt)
  const told = context.backend.signOut({ accessToken: access?.accessToken, refreshToken: refresh?.refreshToken })
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
  await recorded
  return signedOut(context.store.clear(stored))
}

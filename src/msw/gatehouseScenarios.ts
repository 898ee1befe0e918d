import { mockAdmin, mockUser } from './mockUsers'
import {
  backendDownAnswer,
  checkCredentials,
  sessionAnswer,
  sessionExpiredAnswer,
  signedOutAnswer,
  validationAnswer,
  wrongPasswordAnswer,
} from './routeAnswers'

type Answer = (request: Request) => Response | Promise<Response>

/** How each proxy route answers in one scenario, and how long each answer takes (ms). */
export interface ScenarioRoutes {
  session: Answer
  signIn: Answer
  refresh: Answer
  signOut: Answer
  slowMs?: number
}

/** An access token this close to expiry makes the machine refresh within about a second. */
const EXPIRING_NOW_MS = 2_000
/** Within SessionNotice's default warning (2 minutes), far from the end. */
const EXPIRING_SOON_MS = 90_000

const signedOut: ScenarioRoutes = {
  session: signedOutAnswer,
  signIn: checkCredentials,
  refresh: sessionExpiredAnswer,
  signOut: signedOutAnswer,
}

const signedInAs = (user: typeof mockUser): ScenarioRoutes => ({
  session: () => sessionAnswer(user),
  signIn: checkCredentials,
  refresh: () => sessionAnswer(user),
  signOut: signedOutAnswer,
})

/**
 * The named situations `gatehouseHandlers` can mock. Signed-in scenarios sign in as
 * `mockUser` (or `mockAdmin`); in every scenario the sign-in route takes the demo accounts unless
 * the scenario is about the sign-in failing.
 */
export const gatehouseScenarios = {
  /** Signed in as `mockUser` (role `user`). */
  signedInAsUser: signedInAs(mockUser),
  /** Signed in as `mockAdmin` (role `admin`). */
  signedInAsAdmin: signedInAs(mockAdmin),
  /** Nobody signed in; the demo accounts can sign in. */
  signedOut,
  /** Signed out, and every sign-in is refused with 401 `invalid_credentials`. */
  wrongPassword: { ...signedOut, signIn: wrongPasswordAnswer },
  /** Signed out, and every sign-in answers 422 with a message for each field. */
  validationErrors: {
    ...signedOut,
    signIn: () =>
      validationAnswer({
        email: ['The email field must be a valid email address.'],
        password: ['The password must be at least 8 characters.'],
      }),
  },
  /** Signed out, and every route takes 3 s to answer (or the handlers' own `slowMs`). */
  slowBackend: { ...signedOut, slowMs: 3_000 },
  /** Signed in, but the backend cannot be reached: refresh and sign-in answer 502, so the session is kept while it retries. */
  backendDown: {
    session: () => sessionAnswer(mockUser, EXPIRING_NOW_MS),
    signIn: backendDownAnswer,
    refresh: backendDownAnswer,
    signOut: signedOutAnswer,
  },
  /** Signed in until the first refresh, which the backend rejects with 401 `session_expired`. */
  refreshRejected: { ...signedInAs(mockUser), session: () => sessionAnswer(mockUser, EXPIRING_NOW_MS), refresh: sessionExpiredAnswer },
  /** Signed in, with no refresh token (the backend gives none), and the session ends in 90 s. */
  sessionExpiring: {
    ...signedInAs(mockUser),
    session: () => sessionAnswer(mockUser, EXPIRING_SOON_MS, { refreshable: false }),
    refresh: sessionExpiredAnswer,
  },
} satisfies Record<string, ScenarioRoutes>

export type GatehouseScenario = keyof typeof gatehouseScenarios

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

/**
 * How each proxy route answers in one scenario, each a function of the request to its `Response`
 * (or a promise of one), and how long each answer takes (ms).
 */
export interface ScenarioRoutes {
  /** How the session route answers until a sign-in, refresh or sign-out changes the session: what the cookies held as the page loaded. */
  session: Answer
  /** How the sign-in route answers; a session it answers with is the one the other routes report from then on. */
  signIn: Answer
  /** How the refresh route answers a refresh of the session the tab knows; a 401 ends the session. */
  refresh: Answer
  /** How the sign-out route answers; the session ends whatever it says, as with the real route. */
  signOut: Answer
  /** How long every route waits before answering, in ms, unless `gatehouseHandlers` is given its own `slowMs`. Default: no wait. */
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
  wrongPassword: {
    ...signedOut,
    /** 401 `invalid_credentials`, whatever was typed. */
    signIn: wrongPasswordAnswer,
  },
  /** Signed out, and every sign-in answers 422 with a message for each field. */
  validationErrors: {
    ...signedOut,
    /** 422 `validation_failed`, with a message for `email` and `password`, whatever was typed. */
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
    /** Signed in with an access token about to expire, so the first refresh, which fails, comes at once. */
    session: () => sessionAnswer(mockUser, EXPIRING_NOW_MS),
    /** 502 `backend_unavailable`. */
    signIn: backendDownAnswer,
    /** 502 `backend_unavailable`: a transient failure, so the machine keeps the session and retries. */
    refresh: backendDownAnswer,
    /** Signed out: the real route clears the cookies too when the backend cannot be told. */
    signOut: signedOutAnswer,
  },
  /** Signed in until the first refresh, which the backend rejects with 401 `session_expired`. */
  refreshRejected: {
    ...signedInAs(mockUser),
    /** Signed in with an access token about to expire, so the refresh comes at once. */
    session: () => sessionAnswer(mockUser, EXPIRING_NOW_MS),
    /** 401 `session_expired`: the backend refused the refresh token. */
    refresh: sessionExpiredAnswer,
  },
  /** Signed in, with no refresh token (the backend gives none), and the session ends in 90 s. */
  sessionExpiring: {
    ...signedInAs(mockUser),
    /** Signed in for 90 s more without a refresh token (`refreshable: false`): SessionNotice warns of the end. */
    session: () => sessionAnswer(mockUser, EXPIRING_SOON_MS, { refreshable: false }),
    /** 401 `session_expired`: with no refresh token, the refresh at the session's end is refused. */
    refresh: sessionExpiredAnswer,
  },
} satisfies Record<string, ScenarioRoutes>

/** A scenario's name, as `gatehouseHandlers` takes it: a key of `gatehouseScenarios`. */
export type GatehouseScenario = keyof typeof gatehouseScenarios

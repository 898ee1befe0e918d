import type { AccountFlowName } from '../contract/authRoutes'
import { mockAdmin, mockUser } from './mockUsers'
import {
  backendDownAnswer,
  checkCredentials,
  checkCredentialsAskingSecondFactor,
  checkSecondFactor,
  errorAnswer,
  outcomeAnswer,
  rateLimitedAnswer,
  sessionAnswer,
  sessionExpiredAnswer,
  signedOutAnswer,
  signUpSession,
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
  /** How the sign-up route answers: a session signs the person in (and is held), `{ user: null, outcome }` does not. */
  signUp: Answer
  /** How the email verification route answers (`{ token }`). */
  verifyEmail: Answer
  /** How the route that mails the verification link again answers. */
  resendVerification: Answer
  /** How the forgot-password route answers. */
  requestPasswordReset: Answer
  /** How the reset-password route answers (`{ token, password }`). */
  resetPassword: Answer
  /** How the second-factor route answers (`{ code }` or `{ recoveryCode }`). */
  secondFactor: Answer
  /** How long every route waits before answering, in ms, unless `gatehouseHandlers` is given its own `slowMs`. Default: no wait. */
  slowMs?: number
}

/** An access token this close to expiry makes the machine refresh within about a second. */
const EXPIRING_NOW_MS = 2_000
/** Within SessionNotice's default warning (2 minutes), far from the end. */
const EXPIRING_SOON_MS = 90_000

/**
 * The account flows as every scenario answers them unless it is about one of them: a sign-up must
 * be confirmed, a verification link signs in as `mockUser`, the links are mailed, a reset does not
 * sign in, and a second factor nobody was asked for is wrong.
 */
const accountFlows: Pick<ScenarioRoutes, AccountFlowName> = {
  signUp: () => outcomeAnswer('verification_sent'),
  verifyEmail: () => sessionAnswer(mockUser),
  resendVerification: () => outcomeAnswer('verification_sent'),
  requestPasswordReset: () => outcomeAnswer('reset_requested'),
  resetPassword: () => outcomeAnswer('password_reset'),
  secondFactor: () => errorAnswer(401, 'invalid_code'),
}

/** Every account flow answering `answer`. */
const everyFlow = (answer: Answer): Pick<ScenarioRoutes, AccountFlowName> => ({
  signUp: answer,
  verifyEmail: answer,
  resendVerification: answer,
  requestPasswordReset: answer,
  resetPassword: answer,
  secondFactor: answer,
})

const signedOut: ScenarioRoutes = {
  session: signedOutAnswer,
  signIn: checkCredentials,
  refresh: sessionExpiredAnswer,
  signOut: signedOutAnswer,
  ...accountFlows,
}

const signedInAs = (user: typeof mockUser): ScenarioRoutes => ({
  session: () => sessionAnswer(user),
  signIn: checkCredentials,
  refresh: () => sessionAnswer(user),
  signOut: signedOutAnswer,
  ...accountFlows,
})

/**
 * The named situations `gatehouseHandlers` can mock. Signed-in scenarios sign in as
 * `mockUser` (or `mockAdmin`); in every scenario the sign-in route takes the demo accounts unless
 * the scenario is about the sign-in failing, and the account flows answer as `accountFlows` says
 * unless the scenario is about them.
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
    /** 502 `backend_unavailable`, like every other call to the backend. */
    ...everyFlow(backendDownAnswer),
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
  /**
   * Signed out, and the demo accounts ask for a second factor: their sign-in answers 401
   * `second_factor_required`; the second-factor route takes the code `123456` or the recovery
   * code `recovery-code-one` (`mockSecondFactor`) and signs in as `mockUser`, and answers 401
   * `invalid_code` to anything else.
   */
  secondFactor: {
    ...signedOut,
    /** The demo passwords are right, and a second factor is asked: 401 `second_factor_required`. */
    signIn: checkCredentialsAskingSecondFactor,
    /** `123456` or `recovery-code-one` signs in as `mockUser`; anything else is 401 `invalid_code`. */
    secondFactor: checkSecondFactor,
  },
  /** Like `secondFactor`, but the second step took too long: the second-factor route answers 401 `challenge_expired`. */
  secondFactorExpired: {
    ...signedOut,
    /** The demo passwords are right, and a second factor is asked: 401 `second_factor_required`. */
    signIn: checkCredentialsAskingSecondFactor,
    /** 401 `challenge_expired`, whatever the code. */
    secondFactor: () => errorAnswer(401, 'challenge_expired'),
  },
  /** Signed out, and the backend throttles: sign-in and every account flow answer 429 `rate_limited`, `retryAfterSeconds: 30` and `Retry-After: 30`. */
  rateLimited: {
    ...signedOut,
    /** 429 `rate_limited`, `retryAfterSeconds: 30`. */
    signIn: rateLimitedAnswer,
    ...everyFlow(rateLimitedAnswer),
  },
  /** Signed out, and a sign-up signs in at once, as the person who signed up (no email to confirm). */
  signUpSignsIn: {
    ...signedOut,
    /** A session for the person who signed up. */
    signUp: signUpSession,
  },
  /** Signed out, and every sign-up answers 422 with a message for `email` and `password`, whatever was typed. */
  signUpInvalid: {
    ...signedOut,
    /** 422 `validation_failed` with `fields.email` and `fields.password`. */
    signUp: () =>
      validationAnswer({
        email: ['The email has already been taken.'],
        password: ['The password must be at least 8 characters.'],
      }),
  },
  /** Signed out, and the link in the mail is wrong, used or expired: email verification and password reset answer 400 `invalid_token`. */
  invalidLink: {
    ...signedOut,
    /** 400 `invalid_token`. */
    verifyEmail: () => errorAnswer(400, 'invalid_token'),
    /** 400 `invalid_token`. */
    resetPassword: () => errorAnswer(400, 'invalid_token'),
  },
  /** Signed out, on a site that has turned no account flow on: every flow's route answers 404 `flow_disabled`; signing in works. */
  flowsDisabled: { ...signedOut, ...everyFlow(() => errorAnswer(404, 'flow_disabled')) },
} satisfies Record<string, ScenarioRoutes>

/** A scenario's name, as `gatehouseHandlers` takes it: a key of `gatehouseScenarios`. */
export type GatehouseScenario = keyof typeof gatehouseScenarios

/**
 * The sentence a person is shown for each error code when nothing more specific is known, one
 * export per code, so a bundle carries only the sentences its code names. Read them all as
 * `ERROR_MESSAGES` from the catalogue.
 *
 * @packageDocumentation
 */

/** 401 from the sign-in route: the backend refused the identifier and password. */
export const invalid_credentials = 'The email or password is incorrect.'
/** 422 from the sign-in route: the fields are missing or malformed, or the backend refused them; `fields` says which. */
export const validation_failed = 'Check the highlighted fields and try again.'
/** 429: the backend throttles these attempts; `retryAfterSeconds` says for how long, when it said. */
export const rate_limited = 'Too many attempts. Please wait a little and try again.'
/** 401 from the sign-in route: the password was right, and the account asks for a second factor; send it to the second-factor route. */
export const second_factor_required = 'Enter the code from your authenticator app.'
/** 401 from the second-factor route: the code or recovery code is wrong; the person may try again. */
export const invalid_code = 'That code is not right. Check it and try again.'
/** 401 from the second-factor route: no sign-in is waiting for a second factor (it took more than a few minutes, or never began). */
export const challenge_expired = 'That took too long. Please sign in again.'
/** 400 from the email verification and password reset routes: the link's token is wrong, used or expired. */
export const invalid_token = 'This link is invalid or has expired. Please ask for a new one.'
/** 404: an account flow this site has not turned on (its backend adapter has no method for it). */
export const flow_disabled = 'This is not available on this site.'
/** 401: the backend no longer accepts the session's tokens, and the cookies are cleared. */
export const session_expired = 'Your session has ended. Please sign in again.'
/** 401 from the backend proxy: the request carries no session. Also what `signIn` resolves with when the actor stopped first. */
export const not_signed_in = 'Sign in to do this.'
/** 403: an unsafe request without proof that this site sent it. */
export const csrf_rejected = 'This request did not come from this site and was refused.'
/** 400: the request body does not parse as JSON. */
export const invalid_json = 'The request body is not valid JSON.'
/** 400: the request body parses, but is not the object the route takes. */
export const invalid_body = 'The request body is not what this route takes.'
/** 415: the request body is neither JSON nor, where the route takes one, a form. */
export const unsupported_media_type = 'Send the request body as JSON or as a form.'
/** 413: the request body is over the route's limit. */
export const payload_too_large = 'The request body is too large.'
/** 400 from the backend proxy: a path or query it does not forward as written (encoded ASCII, `;` parameters, dot segments). */
export const invalid_path = 'That path cannot be reached through this route.'
/** 404: no auth route at this path, or a backend path the proxy does not allow. */
export const not_found = 'There is nothing here.'
/** 405: the route does not take the request's method. */
export const method_not_allowed = 'This route does not take that method.'
/** 502 (503 while the coordination store is unreachable and refreshes are refused): the backend cannot be reached. */
export const backend_unavailable = 'The sign-in service cannot be reached right now. Please try again shortly.'
/** 504: the backend did not answer within `timeoutMs`; the session is kept. */
export const backend_timeout = 'The sign-in service took too long to answer. Please try again.'
/** 502: the backend answered, but not as expected; the log says why. */
export const backend_invalid_response = 'The sign-in service sent an unexpected answer. Please try again later.'
/** 500: the server cannot serve sessions as configured (a missing or short secret); the log says why. */
export const server_misconfigured = 'Signing in is not available on this server right now. Please try again later.'
/** 500: anything unexpected, answered without details. */
export const internal_error = 'Something went wrong on our side. Please try again.'
/** From the browser's transport: the server could not be reached at all. */
export const network_error = 'The server could not be reached. Check your connection.'
/** From the browser's transport: the answer was not a gatehouse route's (a proxy's error page, say). */
export const unexpected_response = 'The server sent an unexpected answer. Please try again.'
/** 502 from the backend proxy: the backend redirected somewhere off the backend. */
export const backend_redirect_refused = 'The service tried to send you somewhere this site does not go. Please try again later.'
/** 502 from the backend proxy: the backend answered with a page browsers would render (HTML, XML, SVG). */
export const backend_html_refused = 'The service sent a page this site does not show. Please try again later.'

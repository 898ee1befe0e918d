/**
 * The sentence a person is shown for each error code when nothing more specific is known, one
 * export per code, so a bundle carries only the sentences its code names. Read them all as
 * `ERROR_MESSAGES` from the catalogue.
 */
export const invalid_credentials = 'The email or password is incorrect.'
export const validation_failed = 'Check the highlighted fields and try again.'
export const rate_limited = 'Too many attempts. Please wait a little and try again.'
export const session_expired = 'Your session has ended. Please sign in again.'
export const not_signed_in = 'Sign in to do this.'
export const csrf_rejected = 'This request did not come from this site and was refused.'
export const invalid_json = 'The request body is not valid JSON.'
export const invalid_body = 'The request body is not what this route takes.'
export const unsupported_media_type = 'Send the request body as JSON or as a form.'
export const payload_too_large = 'The request body is too large.'
export const invalid_path = 'That path cannot be reached through this route.'
export const not_found = 'There is nothing here.'
export const method_not_allowed = 'This route does not take that method.'
export const backend_unavailable = 'The sign-in service cannot be reached right now. Please try again shortly.'
export const backend_timeout = 'The sign-in service took too long to answer. Please try again.'
export const backend_invalid_response = 'The sign-in service sent an unexpected answer. Please try again later.'
export const server_misconfigured = 'Signing in is not available on this server right now. Please try again later.'
export const internal_error = 'Something went wrong on our side. Please try again.'
export const network_error = 'The server could not be reached. Check your connection.'
export const unexpected_response = 'The server sent an unexpected answer. Please try again.'
export const backend_redirect_refused = 'The service tried to send you somewhere this site does not go. Please try again later.'
export const backend_html_refused = 'The service sent a page this site does not show. Please try again later.'

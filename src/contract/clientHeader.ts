/**
 * Header that marks a request as made by the page's own script: a cross-site form cannot set it,
 * and the server's unsafe routes require it.
 */
export const CLIENT_HEADER = 'x-gatehouse-client'

/**
 * Header on every answer of a gatehouse route. The browser transport takes an error's code and
 * message at their word only from such an answer: one from anything else on the way (a proxy, a
 * platform's error page) is an unexpected answer, not a message to show. A server newer than the
 * page's script may send a code this version does not list; its message is still the one to show.
 */
export const ANSWER_HEADER = 'x-gatehouse-answer'

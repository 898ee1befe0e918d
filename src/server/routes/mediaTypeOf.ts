/** The request body's media type, lower case and without parameters: `application/json; charset=utf-8` → `application/json`. */
export const mediaTypeOf = (request: Request) => (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()

/** A mount path as `/a/b`: one leading slash, none trailing, whatever the app wrote. */
export const mountPath = (path: string) => `/${path.replace(/^\/+|\/+$/g, '')}`

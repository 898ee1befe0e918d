/** How long a request waits for the backend's answer, unless the adapter says (`BackendAdapter.timeoutMs`). */
export const DEFAULT_WAIT_MS = 10_000

/** How long a call to the backend may run in all, unless the adapter says (`BackendAdapter.maxCallMs`). */
export const DEFAULT_MAX_CALL_MS = 60_000

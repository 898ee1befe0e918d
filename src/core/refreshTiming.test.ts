import { describe, expect, it } from 'vitest'
import { DEFAULT_REFRESH_TIMING, refreshDelay, retryDelay } from './refreshTiming'

const now = Date.parse('2026-01-01T00:00:00.000Z')
const inMs = (ms: number) => new Date(now + ms).toISOString()

describe('refreshDelay', () => {
  it('refreshes 30 s before expiry, or 80 % into a short lifetime', () => {
    expect(refreshDelay(inMs(15 * 60_000), DEFAULT_REFRESH_TIMING, 1, now)).toBe(15 * 60_000 - 30_000)
    expect(refreshDelay(inMs(10_000), DEFAULT_REFRESH_TIMING, 1, now)).toBe(8_000)
  })

  it('keeps the share of the margin it is given: half for a tab that follows another, none for a session that cannot be refreshed', () => {
    expect(refreshDelay(inMs(10_000), DEFAULT_REFRESH_TIMING, 0.5, now)).toBe(9_000)
    expect(refreshDelay(inMs(15 * 60_000), DEFAULT_REFRESH_TIMING, 0.5, now)).toBe(15 * 60_000 - 15_000)
    expect(refreshDelay(inMs(10_000), DEFAULT_REFRESH_TIMING, 0, now)).toBe(10_000)
  })

  it('waits at least a second, so an expired token or a skewed clock cannot loop', () => {
    for (const expiresAt of [inMs(500), inMs(-60_000), 'not a date', null])
      expect(refreshDelay(expiresAt, DEFAULT_REFRESH_TIMING, 1, now)).toBe(1_000)
  })

  it('never asks for a timer longer than a timer can wait (24.8 days), which would fire at once', () => {
    expect(refreshDelay(inMs(90 * 24 * 3_600_000), DEFAULT_REFRESH_TIMING, 1, now)).toBe(2 ** 31 - 1)
  })
})

describe('retryDelay', () => {
  it('doubles from 1 s up to 10 s, half of each step random', () => {
    expect([0, 1, 2, 3, 4, 10].map((attempt) => retryDelay(attempt, DEFAULT_REFRESH_TIMING, 0))).toEqual([
      500, 1_000, 2_000, 4_000, 5_000, 5_000,
    ])
    expect(retryDelay(2, DEFAULT_REFRESH_TIMING, 1)).toBe(4_000)
  })
})

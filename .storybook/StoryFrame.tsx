import type { ReactNode } from 'react'

export type Theme = 'light' | 'dark'

/**
 * The surface every story renders on: the page colours of the chosen theme, and the element the
 * screenshot tests capture (`data-story-frame`).
 */
export function StoryFrame({ theme, children }: { theme: Theme; children: ReactNode }) {
  return (
    <div
      data-story-frame=""
      data-theme={theme}
      style={{
        display: 'inline-block',
        minWidth: '24rem',
        padding: '2rem',
        boxSizing: 'border-box',
        background: 'light-dark(#f4f5f7, #121418)',
        color: 'light-dark(#1c2024, #e8eaed)',
        fontFamily: 'system-ui, sans-serif',
        lineHeight: 1.5,
      }}
    >
      {children}
    </div>
  )
}

import axe from 'axe-core'
import { afterEach, expect } from 'vitest'
import { page } from 'vitest/browser'
import type { Theme } from './StoryFrame'

interface RunStory {
  id: string
  parameters: { themes?: Theme[]; a11y?: { test?: 'error' | 'todo' | 'off' } }
}

/**
 * After each story's test (play function and light-theme axe check done), compares the story's
 * frame with its committed screenshot in every theme the story has, and runs axe again in the
 * dark theme, whose colours the light-theme check never saw.
 */
afterEach(async (context) => {
  const story = (context as unknown as { story?: RunStory }).story
  const frame = document.querySelector<HTMLElement>('[data-story-frame]')
  if (!story || !frame || context.task.result?.state === 'fail')
    return // A focus ring left by the play function made screenshots differ from run to run.
  ;(document.activeElement as HTMLElement | null)?.blur()
  const mask = [...frame.querySelectorAll('[data-screenshot-mask]')]
  for (const theme of story.parameters.themes ?? ['light']) {
    frame.dataset.theme = theme
    if (theme === 'dark' && story.parameters.a11y?.test === 'error') await expectNoAxeViolations(frame)
    await expect.element(page.elementLocator(frame)).toMatchScreenshot(`${story.id}-${theme}`, { screenshotOptions: { mask } })
  }
})

async function expectNoAxeViolations(frame: HTMLElement) {
  // Landmarks belong to the page, not to a component: the same exception Storybook's own check makes.
  const { violations } = await axe.run(frame, { rules: { region: { enabled: false } } })
  const summary = violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  )
  expect(summary, 'axe violations in the dark theme').toEqual([])
}

import type { Preview } from '@storybook/nextjs-vite'
import { mswLoader } from 'msw-storybook-addon/csf3'
import { extractComponentDescription } from 'storybook/internal/docs-tools'
import '../src/ui/styles.css'
import { exampleBlocksAsCode } from './exampleBlocksAsCode'
import { StoryFrame, type Theme } from './StoryFrame'

const preview: Preview = {
  loaders: [mswLoader()],
  globalTypes: {
    theme: {
      description: 'Colour theme of the components',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light' },
  decorators: [(Story, { globals }) => <StoryFrame theme={globals.theme as Theme}>{Story()}</StoryFrame>],
  parameters: {
    // Any accessibility violation fails the story's test.
    a11y: { test: 'error' },
    layout: 'centered',
    // Each story in its own frame on the docs pages too: MSW mocks one page at a time, and
    // stories on one page would share (and overwrite) each other's scenario.
    docs: {
      story: { inline: false, iframeHeight: 280 },
      extractComponentDescription: (component: unknown) => exampleBlocksAsCode(extractComponentDescription(component as never)),
    },
    // The themes the screenshot tests capture; a story can narrow it.
    themes: ['light', 'dark'],
  },
  tags: ['autodocs'],
}

export default preview

import type { Preview } from '@storybook/nextjs-vite'
import { mswLoader } from 'msw-storybook-addon/csf3'

const preview: Preview = {
  loaders: [mswLoader()],
  parameters: {
    // Any accessibility violation fails the story's test.
    a11y: { test: 'error' },
    layout: 'centered',
  },
  tags: ['autodocs'],
}

export default preview

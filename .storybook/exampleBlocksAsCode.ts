/**
 * Turns the `@example` blocks of a component's JSDoc into fenced TSX, for the docs pages: as
 * Markdown, their JSX would be read as HTML and vanish, leaving a bare "@example".
 */
export function exampleBlocksAsCode(description: string): string {
  const [prose = '', ...examples] = description.split(/^@example[ \t]*\n?/m)
  return [prose.trimEnd(), ...examples.map((code) => `**Example**\n\n\`\`\`tsx\n${code.trim()}\n\`\`\``)].join('\n\n')
}

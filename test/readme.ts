import { readFileSync } from 'node:fs'

/** A file of the repository, by its path from the root. */
export const repoFile = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')

export const README = repoFile('README.md')

/** A file as the README must show it: whole, in a fenced block. */
export const fencedFile = (path: string, language: string) => `\`\`\`${language}\n${repoFile(path)}\`\`\``

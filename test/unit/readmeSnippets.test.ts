import { existsSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { beforeAll, describe, expect, it } from 'vitest'
import { README, repoFile } from '../readme'

/*
 * Every ```ts and ```tsx block of README.md that is not a fenced copy of a repository file (those are checked as the files
 * themselves, by `tsc --noEmit`, and compared with the README by embeddingExamples.test.ts) is type-checked here, as a module
 * of its own, in one in-memory program with the repository's compiler options: `gatehouse` and `gatehouse/*` resolve to src/.
 *
 * Where a block lives: a first line `// <path>.ts` or `// <path>.tsx` (as `// auth.ts`, `// app/layout.tsx — …`) puts it at
 * that path, so the app's blocks check against each other (the route files import `auth.ts`); any other block gets a file of
 * its own, named after its README line.
 *
 * Context for fragments: a block that shows a piece of code rather than a whole file may need names it does not declare. They
 * are given in an HTML comment on the line right before its fence, visible to whoever edits the block and hidden on GitHub:
 *
 *     <!-- snippet context: declare const router: { replace(path: string): void } -->
 *
 * (or spread over several lines up to a closing `-->`). The context is appended after the block's own code, so the block's
 * lines keep their README numbers; imports and declarations apply to the whole module wherever they stand. Nothing else is
 * added, and no diagnostic is switched off.
 */

const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url))
/** A directory that does not exist on disk: the blocks' files live there, in memory, so node_modules above it resolves. */
const SNIPPET_ROOT = join(REPOSITORY, '.readme-snippets')
const CONTEXT_OPENING = '<!-- snippet context:'

interface ReadmeSnippet {
  /** README.md's line of the opening fence. */
  fenceLine: number
  firstLine: string
  language: 'ts' | 'tsx'
  code: string
  /** Declarations from the `<!-- snippet context: … -->` comment before the fence; '' when there is none. */
  context: string
  /** Where the block lives in the program, relative to SNIPPET_ROOT. */
  path: string
}

/** The `<!-- snippet context: … -->` comment that ends on the line before `fenceIndex`, if any: its text. */
function contextBefore(lines: string[], fenceIndex: number): string {
  const closing = fenceIndex - 1
  if (!lines[closing]?.trimEnd().endsWith('-->')) return ''
  let opening = closing
  while (opening >= 0 && !lines[opening]!.trimStart().startsWith(CONTEXT_OPENING)) {
    if (opening < closing && lines[opening]!.includes('-->')) return ''
    opening--
  }
  if (opening < 0) return ''
  const comment = lines.slice(opening, closing + 1).join('\n')
  return comment.slice(comment.indexOf(CONTEXT_OPENING) + CONTEXT_OPENING.length, comment.lastIndexOf('-->')).trim()
}

/** The file a block's first line names (`// app/layout.tsx — …` → `app/layout.tsx`), if it names one. */
function namedPath(firstLine: string): string | undefined {
  const path = /^\/\/ ([\w.@[\]/-]+\.tsx?)(?:\s|$)/.exec(firstLine)?.[1]
  return path && !path.split('/').includes('..') ? normalize(path) : undefined
}

/** The TypeScript blocks of `markdown`, in order. */
function typeScriptBlocks(markdown: string): Omit<ReadmeSnippet, 'path'>[] {
  const lines = markdown.split('\n')
  const blocks: Omit<ReadmeSnippet, 'path'>[] = []
  for (let index = 0; index < lines.length; index++) {
    const language = /^```(tsx?)\s*$/.exec(lines[index]!)?.[1] as 'ts' | 'tsx' | undefined
    if (!language) continue
    const closing = lines.findIndex((line, at) => at > index && /^```\s*$/.test(line))
    if (closing < 0) throw new Error(`README.md:${index + 1}: a \`\`\`${language} block that is never closed`)
    const code = lines.slice(index + 1, closing).join('\n')
    blocks.push({ fenceLine: index + 1, firstLine: lines[index + 1] ?? '', language, code, context: contextBefore(lines, index) })
    index = closing
  }
  return blocks
}

/** The contents of the .ts/.tsx files the README names in backticks: a block equal to one of them is a copy of that file. */
function namedFileContents(markdown: string): Set<string> {
  const paths = new Set([...markdown.matchAll(/`([\w.@[\]/-]+\.tsx?)`/g)].map((match) => match[1]!))
  return new Set([...paths].filter((path) => existsSync(join(REPOSITORY, path))).map((path) => repoFile(path)))
}

/** README's blocks to check, each with its place in the program. */
function readmeSnippets(markdown: string): ReadmeSnippet[] {
  const copies = namedFileContents(markdown)
  return typeScriptBlocks(markdown)
    .filter((block) => !copies.has(`${block.code}\n`))
    .map((block) => ({ ...block, path: namedPath(block.firstLine) ?? `README.md-line-${block.fenceLine}.${block.language}` }))
}

/**
 * The repository's compiler options (tsconfig.json), with every file a module (no block shares globals with another) and only
 * Node's ambient types: the blocks are a Next.js app's code, and vite's and Storybook's globals would only cost time.
 */
function repositoryCompilerOptions(): ts.CompilerOptions {
  const configPath = join(REPOSITORY, 'tsconfig.json')
  const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile)
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'))
  const { options, errors } = ts.parseJsonConfigFileContent(config, ts.sys, REPOSITORY, undefined, configPath)
  if (errors.length > 0)
    throw new Error(errors.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')).join('\n'))
  return { ...options, noEmit: true, moduleDetection: ts.ModuleDetectionKind.Force, types: ['node'] }
}

/** A compiler host that serves `files` (absolute path → text) from memory, and the disk for everything else. */
function inMemoryHost(options: ts.CompilerOptions, files: Map<string, string>): ts.CompilerHost {
  const disk = ts.createCompilerHost(options)
  const directories = new Set([...files.keys()].flatMap((file) => ancestors(dirname(file))))
  return {
    ...disk,
    // As tsc does: JSDoc is parsed only where it can make a type error, which makes parsing the libraries' types faster.
    jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeErrors,
    fileExists: (fileName) => files.has(fileName) || disk.fileExists(fileName),
    readFile: (fileName) => files.get(fileName) ?? disk.readFile(fileName),
    // Module resolution looks for a relative import's file only in a directory that exists.
    directoryExists: (directory) => directories.has(normalize(directory)) || (disk.directoryExists?.(directory) ?? false),
    getSourceFile: (fileName, languageVersion, onError, shouldCreate) => {
      const text = files.get(fileName)
      return text === undefined
        ? disk.getSourceFile(fileName, languageVersion, onError, shouldCreate)
        : ts.createSourceFile(fileName, text, languageVersion)
    },
  }
}

/** `directory` and every directory above it. */
function ancestors(directory: string): string[] {
  const parent = dirname(directory)
  return parent === directory ? [directory] : [directory, ...ancestors(parent)]
}

/** One diagnostic as a reader of README.md wants it: the README line it points at, its code and its text. */
function describeDiagnostic(diagnostic: ts.Diagnostic, snippet: ReadmeSnippet): string {
  const message = `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`
  if (!diagnostic.file || diagnostic.start === undefined) return message
  if (diagnostic.file.fileName !== join(SNIPPET_ROOT, snippet.path)) return `${diagnostic.file.fileName}: ${message}`
  const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
  const codeLines = snippet.code.split('\n').length
  return line < codeLines
    ? `README.md:${snippet.fenceLine + 1 + line}: ${message}`
    : `README.md:${snippet.fenceLine} (its snippet context, line ${line - codeLines + 1}): ${message}`
}

const snippets = readmeSnippets(README)

/** Every block's diagnostics, from one program over all of them. */
function checkSnippets(): { global: string[]; bySnippet: Map<ReadmeSnippet, string[]> } {
  const options = repositoryCompilerOptions()
  const files = new Map<string, string>()
  const claimedBy = new Map<string, ReadmeSnippet>()
  const bySnippet = new Map<ReadmeSnippet, string[]>()
  for (const snippet of snippets) {
    const fileName = join(SNIPPET_ROOT, snippet.path)
    const earlier = claimedBy.get(fileName)
    if (earlier) {
      bySnippet.set(snippet, [`README.md:${snippet.fenceLine}: names ${snippet.path}, as the block at line ${earlier.fenceLine} does`])
      continue
    }
    claimedBy.set(fileName, snippet)
    files.set(fileName, snippet.context ? `${snippet.code}\n${snippet.context}\n` : `${snippet.code}\n`)
  }
  const program = ts.createProgram({ rootNames: [...files.keys()], options, host: inMemoryHost(options, files) })
  for (const [fileName, snippet] of claimedBy) {
    const sourceFile = program.getSourceFile(fileName)!
    const diagnostics = [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)]
    bySnippet.set(
      snippet,
      diagnostics.map((diagnostic) => describeDiagnostic(diagnostic, snippet)),
    )
  }
  const global = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()].map((diagnostic) =>
    ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
  )
  return { global, bySnippet }
}

describe("README's TypeScript snippets, type-checked", () => {
  let checked: ReturnType<typeof checkSnippets>
  // One program for all the blocks; most of its time goes to loading React's, Next's and XState's types.
  beforeAll(() => {
    checked = checkSnippets()
  }, 60_000)

  it('finds blocks to check', () => {
    expect(snippets.length).toBeGreaterThan(0)
  })

  it('compiles with the repository options', () => {
    expect(checked.global).toEqual([])
  })

  // Named by README line and first line in full (`$firstLine` would be quoted and cut at 40 characters).
  it.each(snippets.map((snippet) => [`README.md:${snippet.fenceLine} ${snippet.firstLine}`, snippet] as const))('%s', (_, snippet) => {
    expect(checked.bySnippet.get(snippet)).toEqual([])
  })
})

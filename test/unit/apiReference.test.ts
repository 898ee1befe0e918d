import {
  Application,
  DeclarationReflection,
  Logger,
  LogLevel,
  type ProjectReflection,
  type Reflection,
  ReflectionKind,
  type SomeType,
  Type,
} from 'typedoc'
import { beforeAll, describe, expect, it } from 'vitest'

/*
 * The API reference (`npm run docs`, TypeDoc over the entry points in typedoc.json) without writing it: the same
 * conversion and validation, so an export without a doc comment, a broken {@link} or a public type that mentions an
 * internal one fails `npm test` as it fails the docs build. Each failure lists every offender, named as TypeDoc names it.
 *
 * TypeDoc cannot require documentation on the properties a type declares without requiring it on every key TypeScript
 * infers inside a value too (the machine's whole config, as xstate's StateMachine<…> carries it; the AUTH_ROUTES table),
 * so typedoc.json leaves Property out of `requiredToBeDocumented` and the declared members are checked here instead.
 */

/** Everything TypeDoc reported at the warning level or above, as it would print it. */
class CollectingLogger extends Logger {
  readonly messages: string[] = []
  override log(message: string, level: LogLevel) {
    super.log(message, level)
    if (level >= LogLevel.Warn) this.messages.push(message)
  }
}

let app: Application
let project: ProjectReflection
/** Anything bootstrapping printed: an unknown or malformed option in typedoc.json. */
let optionProblems: number
const logger = new CollectingLogger()

beforeAll(async () => {
  app = await Application.bootstrapWithPlugins({ options: 'typedoc.json' })
  optionProblems = app.logger.errorCount + app.logger.warningCount
  app.logger = logger
  const converted = await app.convert()
  if (!converted) throw new Error(`TypeDoc could not convert the entry points:\n${logger.messages.join('\n')}`)
  project = converted
  // About 7 s alone; the rest is room for a loaded `npm test`.
}, 60_000)

const isOurs = (reflection: Reflection) => {
  const symbol = project.getSymbolIdFromReflection(reflection)
  return !symbol || symbol.packageName === project.packageName
}

const where = (reflection: Reflection) => {
  const symbol = project.getSymbolIdFromReflection(reflection)
  return symbol ? `${symbol.packageName}/${symbol.packagePath}` : 'an unknown file'
}

/**
 * Every property a public interface, class or type alias declares, down through the object types written in it
 * (`cookies?: { … }`, a union of event shapes), but not through a reference: a named type is checked where it is declared,
 * and a foreign one (xstate's) is not ours to document. A member inherited from a type in the reference is checked there.
 */
function undocumentedMembers(): string[] {
  const found: string[] = []
  const checkMembers = (container: DeclarationReflection) => {
    for (const member of container.children ?? []) {
      if (member.inheritedFrom?.reflection || !isOurs(member)) continue
      // A function-valued property is TypeDoc's to check, as a call signature.
      const isFunction = member.type?.type === 'reflection' && (member.type.declaration.signatures?.length ?? 0) > 0
      if (member.kindOf(ReflectionKind.Property) && !isFunction && !member.hasComment()) {
        found.push(`${member.getFriendlyFullName()} (Property), defined in ${where(member)}, does not have any documentation`)
      }
      if (member.type) checkWrittenType(member.type)
    }
  }
  const checkWrittenType = (type: SomeType) => {
    if (type.type === 'reflection') checkMembers(type.declaration)
    else if (type.type === 'union' || type.type === 'intersection') type.types.forEach(checkWrittenType)
    else if (type.type === 'array' || type.type === 'optional' || type.type === 'rest') checkWrittenType(type.elementType)
  }
  for (const declaration of project.getReflectionsByKind(ReflectionKind.Interface | ReflectionKind.Class | ReflectionKind.TypeAlias)) {
    if (!(declaration instanceof DeclarationReflection)) continue
    if (declaration.kindOf(ReflectionKind.TypeAlias)) {
      if (declaration.type) checkWrittenType(declaration.type)
    } else checkMembers(declaration)
  }
  return found
}

/**
 * Where `maxTypeConversionDepth` printed `...` in place of a type, other than inside the type arguments of xstate's
 * generics (the machine's whole config, in StateMachine<…> and ActorRef<…>), which the limit exists to cut.
 */
function truncatedTypes(): string[] {
  const found = new Set<string>()
  const visitType = (type: SomeType, owner: Reflection, inMachineType: boolean) => {
    if (type.type === 'unknown' && type.name === '...' && !inMachineType) found.add(owner.getFriendlyFullName())
    if (type.type === 'reflection') visitReflection(type.declaration, inMachineType)
    else if (type.type === 'reference') {
      for (const argument of type.typeArguments ?? []) visitType(argument, owner, inMachineType || type.package === 'xstate')
    } else {
      // Any other type holds its parts in its own fields (a union's `types`, a conditional's branches, …).
      for (const value of Object.values(type).flat(2)) {
        if (value instanceof Type) visitType(value as SomeType, owner, inMachineType)
      }
    }
  }
  const visitReflection = (reflection: Reflection, inMachineType: boolean) => {
    const r = reflection as DeclarationReflection & { default?: SomeType; parameters?: Reflection[] }
    for (const type of [r.type, r.default, ...(r.extendedTypes ?? [])]) if (type) visitType(type, reflection, inMachineType)
    for (const child of [
      ...(r.children ?? []),
      ...(r.signatures ?? []),
      ...(r.indexSignatures ?? []),
      ...(r.parameters ?? []),
      ...(r.typeParameters ?? []),
      r.getSignature,
      r.setSignature,
    ]) {
      if (child) visitReflection(child, inMachineType)
    }
  }
  for (const module of project.children ?? []) visitReflection(module, false)
  return [...found]
}

describe('the API reference (typedoc.json)', () => {
  it('reads its options without a complaint', () => {
    expect(optionProblems).toBe(0)
  })

  it('converts and validates without a warning: every export documented, every link resolved, every named type exported', () => {
    app.validate(project)
    expect(logger.messages).toEqual([])
  })

  it('documents every property of the interfaces, classes and type aliases it exports', () => {
    expect(undocumentedMembers()).toEqual([])
  })

  it('prints every type whole but the machine’s: maxTypeConversionDepth cuts only inside xstate’s generics', () => {
    expect(truncatedTypes()).toEqual([])
  })
})

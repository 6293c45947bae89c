/** The method commands, in the order `jueqi method --help` and docs/methods.md list them. */
import { normalizeMethod } from './normalize.ts'
import type { MethodCommand } from './types.ts'

export const METHODS: readonly MethodCommand[] = [normalizeMethod]

/** The method commands, in the order `jueqi method --help` and docs/methods.md list them. */
import { compositeMethod } from './composite.ts'
import { convergenceMethod } from './convergence.ts'
import { couplingMethod } from './coupling.ts'
import { criticMethod } from './critic.ts'
import { disparityMethod } from './disparity.ts'
import { entropyMethod } from './entropy.ts'
import { forecastMethod } from './forecast.ts'
import { normalizeMethod } from './normalize.ts'
import { obstacleMethod } from './obstacle.ts'
import { progressMethod } from './progress.ts'
import { topsisMethod } from './topsis.ts'
import type { MethodCommand } from './types.ts'
import { uncertaintyMethod } from './uncertainty.ts'

export const METHODS: readonly MethodCommand[] = [
  normalizeMethod,
  entropyMethod,
  criticMethod,
  topsisMethod,
  couplingMethod,
  obstacleMethod,
  disparityMethod,
  convergenceMethod,
  progressMethod,
  forecastMethod,
  compositeMethod,
  uncertaintyMethod,
]

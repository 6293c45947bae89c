import { z } from 'zod'
import { Vintage } from './vintage.ts'

/** One figure as it enters the store: the same schema checks an import row and an API body. */
export const ObservationInput = z.object({
  region: z.string().min(1),
  indicator: z.string().min(1),
  period: z.number().int(),
  value: z.number().finite(),
  unit: z.string().min(1),
  source: z.string().default(''),
  note: z.string().default(''),
  vintage: z.enum(Vintage).nullable().default(null),
})
export type ObservationInput = z.infer<typeof ObservationInput>

/** An observation as read back, with its release and whether the preference rule picked it. */
export const Observation = ObservationInput.extend({
  id: z.number().int(),
  release: z.string(),
  releaseDate: z.string(),
  preferred: z.boolean(),
  superseded: z.boolean(),
  derived: z.boolean(),
})
export type Observation = z.infer<typeof Observation>

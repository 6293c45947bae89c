// Worker entry: registers tsx (as bin/jueqi.mjs does) so the TypeScript methods load in the thread.
import { register } from 'tsx/esm/api'

register()
await import('./worker.ts')

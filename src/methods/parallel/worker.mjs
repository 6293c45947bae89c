// Entry of a pool worker thread: the methods are TypeScript run through tsx (as bin/jueqi.mjs does),
// and a worker thread does not inherit the loader the main thread registered, so it registers its own.
import { register } from 'tsx/esm/api'

register()
await import('./tasks.ts')

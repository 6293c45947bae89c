// Entry of a pool worker thread: the methods run as TypeScript through tsx, registered here because a
// worker does not inherit the main thread's loader (and the CLI's main thread runs its build, no loader).
import { register } from 'tsx/esm/api'

register()
await import('./tasks.ts')

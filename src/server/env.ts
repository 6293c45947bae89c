import type { Store } from '../store/db.ts'

/** What every handler finds on its context: the store, set once by the app. */
export type AppEnv = { Variables: { store: Store } }

import type { DataVersionSource } from '../store/data-version.ts'
import type { Store } from '../store/db.ts'
import type { UserWithGrants } from '../store/users.ts'
import type { ResponseCache } from './response-cache.ts'

/** What every handler finds on its context: the store, and the signed-in user (null for the public). */
export type AppEnv = {
  Variables: {
    store: Store
    user: UserWithGrants | null
    sessionId: string | null
    csrfToken: string | null
    /** the process's cache of public responses and where it learns the store's data version */
    responses: { cache: ResponseCache; dataVersion: DataVersionSource }
  }
}

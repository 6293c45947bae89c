import type { Store } from '../store/db.ts'
import type { UserWithGrants } from '../store/users.ts'

/** What every handler finds on its context: the store, and the signed-in user (null for the public). */
export type AppEnv = {
  Variables: {
    store: Store
    user: UserWithGrants | null
    sessionId: string | null
    csrfToken: string | null
  }
}

import { inject } from 'vitest'
import { openStore, type Store } from '../store/db.ts'
import { createDatabase } from './postgres.ts'

/** The store back ends every store test runs on: embedded PGlite and a real PostgreSQL 15. */
export const BACKENDS = ['pglite', 'postgres'] as const
export type Backend = (typeof BACKENDS)[number]

let counter = 0

export async function openTestStore(backend: Backend): Promise<Store> {
  if (backend === 'pglite') return openStore({ kind: 'pglite', dataDir: null })
  const name = `t_${process.pid}_${Date.now()}_${counter++}`
  return openStore({ kind: 'postgres', url: await createDatabase(inject('pgUrl'), name) })
}

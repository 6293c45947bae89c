import type { TestProject } from 'vitest/node'
import { startTestPostgres } from './postgres.ts'

/**
 * One PostgreSQL 15 server for the whole unit/store/API run; each test file makes its own
 * database on it (see backends.ts). Set JUEQI_TEST_PG_URL to use an existing server instead.
 */
export default async function setup(project: TestProject) {
  if (process.env.JUEQI_TEST_PG_URL) {
    project.provide('pgUrl', process.env.JUEQI_TEST_PG_URL)
    return
  }
  const server = await startTestPostgres()
  project.provide('pgUrl', server.url)
  return () => server.stop()
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string
  }
}

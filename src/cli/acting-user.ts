/**
 * `--as <username>`: a CLI write made on behalf of an account goes through the same permission
 * function as the API (src/supervision/permissions.ts). Without it the command runs as the
 * operator of the installation (the person with the database), as before.
 */

import type { Db } from '../store/db.ts'
import { findUserByName, grantsOf } from '../store/users.ts'
import { grantsFromRows, type User } from '../supervision/roles.ts'
import { CliError } from './errors.ts'

export async function actingUser(db: Db, username: string | undefined): Promise<User | null> {
  if (!username) return null
  const row = await findUserByName(db, username)
  if (!row || row.disabled) throw new CliError(`--as ${username}: no such active user`, 2)
  return { id: row.username, grants: grantsFromRows(await grantsOf(db, row.id)).grants }
}

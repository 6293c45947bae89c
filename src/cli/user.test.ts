import { describe, expect, it } from 'vitest'
import { GRANTABLE_ROLES } from '../app/users.ts'
import { ROLES } from './user.ts'

describe('jueqi user', () => {
  it('offers the roles an account may be given (written out in the CLI so that --help loads no store)', () => {
    expect([...ROLES]).toEqual([...GRANTABLE_ROLES])
  })
})

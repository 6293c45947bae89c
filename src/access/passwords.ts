import { randomBytes } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'

/**
 * argon2id with the OWASP minimum (m = 19 MiB, t = 2, p = 1): about 0.1 s a hash on the project
 * machine, slow enough to make guessing expensive, fast enough for a login.
 */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export const hashPassword = (password: string) => hash(password, OPTIONS)

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

export const PASSWORD_LENGTH = { min: 12, max: 256 } as const

export type PasswordIssue = 'password_too_short' | 'password_too_long' | 'password_repeated'

/**
 * Refuse passwords a person would be embarrassed by; length matters more than character classes
 * (NIST SP 800-63B). The answer is a message code of src/i18n/server-messages.ts (with PASSWORD_LENGTH).
 */
export function passwordProblem(password: string): PasswordIssue | undefined {
  if (password.length < PASSWORD_LENGTH.min) return 'password_too_short'
  if (password.length > PASSWORD_LENGTH.max) return 'password_too_long'
  if (/^(.)\1+$/.test(password)) return 'password_repeated'
  return undefined
}

/** A password for a person to copy once and change: 20 URL-safe characters (120 random bits). */
export const generatePassword = () => randomBytes(15).toString('base64url')

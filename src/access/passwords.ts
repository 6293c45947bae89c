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

/** Refuse passwords a person would be embarrassed by; length matters more than character classes (NIST SP 800-63B). */
export function passwordProblem(password: string): string | undefined {
  if (password.length < 12) return 'a password needs at least 12 characters'
  if (password.length > 256) return 'a password may have at most 256 characters'
  if (/^(.)\1+$/.test(password)) return 'a password cannot be one repeated character'
  return undefined
}

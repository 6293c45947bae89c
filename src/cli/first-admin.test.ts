import { describe, expect, it } from 'vitest'
import { firstAdminNotice } from './first-admin.ts'

describe('first administrator notice', () => {
  const notice = firstAdminNotice(
    { username: 'admin', password: 'Pw-once-0123456789ab' },
    'http://127.0.0.1:8080/',
  )
  it('names the user, the password, where to sign in and to change it', () => {
    expect(notice).toMatch(/user name\s+admin /)
    expect(notice).toMatch(/password\s+Pw-once-0123456789ab /)
    expect(notice).toContain('http://127.0.0.1:8080/login')
    expect(notice).toContain('Change it after signing in')
  })
  it('is a closed box even with Chinese (double-width) characters in it', () => {
    const cols = (l: string) => [...l].reduce((n, ch) => n + (/[\u3000-\u9fff]/.test(ch) ? 2 : 1), 0)
    const widths = new Set(notice.split('\n').map(cols))
    expect(widths.size).toBe(1)
  })
})

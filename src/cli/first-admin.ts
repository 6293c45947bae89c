/** The console notice of the first administrator: printed once, by the start that created the account. */
export function firstAdminNotice(admin: { username: string; password: string }, url: string): string {
  const lines = [
    'jueqi: no accounts yet, so an administrator was created. This password is shown only now:',
    '',
    `    sign in at   ${url}login`,
    `    user name    ${admin.username}`,
    `    password     ${admin.password}`,
    '',
    'Change it after signing in (your name at the top right → change password).',
    'Then create the other accounts on the Users page (用户), or with `jueqi user add`.',
  ]
  const width = Math.max(...lines.map((l) => l.length))
  const rule = '─'.repeat(width + 4)
  return [`┌${rule}┐`, ...lines.map((l) => `│  ${l.padEnd(width)}  │`), `└${rule}┘`].join('\n')
}

/** The console notice of the first administrator: printed once, by the start that created the account. */
export function firstAdminNotice(admin: { username: string; password: string }, url: string): string {
  const lines = [
    'jueqi: no accounts yet, so an administrator was created. This password is shown only now:',
    '',
    `    sign in at   ${url}login`,
    `    user name    ${admin.username}`,
    `    password     ${admin.password}`,
    '',
    'Change it after signing in: click your name at the top right (修改密码 / Change password).',
    'Then create the other accounts on the Users page (用户), or with `jueqi user add`.',
  ]
  const width = Math.max(...lines.map(columns))
  const rule = '─'.repeat(width + 4)
  const pad = (l: string) => l + ' '.repeat(width - columns(l))
  return [`┌${rule}┐`, ...lines.map((l) => `│  ${pad(l)}  │`), `└${rule}┘`].join('\n')
}

/** Terminal columns of a line: Chinese characters take two. */
const columns = (l: string) =>
  [...l].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0)

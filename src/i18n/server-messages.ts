/**
 * Messages the server and CLI send to people, in both languages, keyed by error code. The web
 * app has its own catalogue (src/web/i18n); these are the ones produced outside the browser.
 */
export type Lang = 'zh-CN' | 'en'

const messages = {
  not_found: { 'zh-CN': '未找到：{what}', en: 'Not found: {what}' },
  unknown_indicator: { 'zh-CN': '未知指标“{key}”', en: 'Unknown indicator "{key}"' },
  unknown_region: { 'zh-CN': '未知地区“{code}”', en: 'Unknown region "{code}"' },
  invalid_request: { 'zh-CN': '请求参数无效：{details}', en: 'Invalid request: {details}' },
  internal: { 'zh-CN': '服务器内部错误', en: 'Internal server error' },
  conflict: { 'zh-CN': '无法执行：{why}', en: 'Not possible now: {why}' },
  too_large: { 'zh-CN': '文件过大：{why}', en: 'File too large: {why}' },
  unauthenticated: { 'zh-CN': '请先登录', en: 'Please sign in first' },
  forbidden: { 'zh-CN': '无权执行此操作：{why}', en: 'Not allowed: {why}' },
  csrf_failed: {
    'zh-CN': '请求未通过跨站请求伪造（CSRF）校验：{why}',
    en: 'The request failed the CSRF check: {why}',
  },
  login_failed: { 'zh-CN': '用户名或密码错误', en: 'Wrong user name or password' },
  too_many_attempts: {
    'zh-CN': '登录失败次数过多，请{minutes}分钟后再试',
    en: 'Too many failed sign-ins; try again in {minutes} minutes',
  },
  // ── accounts (src/app/users.ts) ──
  unknown_user: { 'zh-CN': '没有用户“{username}”', en: 'No user "{username}"' },
  user_exists: { 'zh-CN': '用户“{username}”已存在', en: 'User "{username}" exists already' },
  bad_username: {
    'zh-CN': '用户名须为2至64个字母、数字、“.”、“_”或“-”',
    en: 'A user name has 2 to 64 letters, digits, ".", "_" or "-"',
  },
  unknown_scope_region: {
    'zh-CN': '权限范围“{code}”不是已知地区',
    en: 'The scope "{code}" is not a known region',
  },
  park_required: { 'zh-CN': '园区管理员须指定园区', en: 'A park administrator needs a park' },
  park_not_allowed: {
    'zh-CN': '只有园区管理员可指定园区',
    en: 'Only a park administrator is given a park',
  },
  last_admin: {
    'zh-CN': '“{username}”是最后一位在用的全国管理员，不能停用或改变其角色',
    en: '"{username}" is the last active national administrator and cannot be disabled or given another role',
  },
  password_too_short: {
    'zh-CN': '密码至少需要{min}个字符',
    en: 'A password needs at least {min} characters',
  },
  password_too_long: {
    'zh-CN': '密码最多{max}个字符',
    en: 'A password may have at most {max} characters',
  },
  password_repeated: {
    'zh-CN': '密码不能是同一个字符的重复',
    en: 'A password cannot be one repeated character',
  },
  wrong_current_password: { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
} as const

export type MessageCode = keyof typeof messages

export function message(lang: Lang, code: MessageCode, params: Record<string, string | number> = {}): string {
  return messages[code][lang].replace(/\{(\w+)\}/g, (_m, k: string) => String(params[k] ?? `{${k}}`))
}

/** zh-CN unless the request asks for English (query ?lang=en, the jueqi-lang cookie, or Accept-Language). */
export function pickLang(
  query: string | undefined,
  cookie: string | undefined,
  acceptLanguage: string | undefined,
): Lang {
  const pick = (v: string | undefined) =>
    v?.toLowerCase().startsWith('en') ? 'en' : v?.toLowerCase().startsWith('zh') ? 'zh-CN' : undefined
  return pick(query) ?? pick(cookie) ?? pick(acceptLanguage?.split(',')[0]) ?? 'zh-CN'
}

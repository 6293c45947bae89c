/**
 * zod's refusals in both languages: the field's path and zod's own message in its zh-CN and en
 * locales. A type error is said without what was received, since a finished issue no longer
 * holds the input and zod's locales would call it "undefined".
 */
import { z } from '@hono/zod-openapi'
import type { Text } from '../i18n/server-messages.ts'

type Issue = z.core.$ZodIssue

const ZH = z.locales.zhCN().localeError
const EN = z.locales.en().localeError

const TYPE_ZH: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文本',
  boolean: '布尔值',
  object: '对象',
  array: '列表',
  date: '日期',
}

function issueText(issue: Issue, lang: 'zh-CN' | 'en'): string {
  if (issue.code === 'invalid_type')
    return lang === 'en' ? `expected ${issue.expected}` : `应为${TYPE_ZH[issue.expected] ?? issue.expected}`
  const locale = lang === 'en' ? EN : ZH
  const made = locale(issue as never)
  const text = typeof made === 'string' ? made : made?.message
  // a refinement's own message is English prose of the domain; zh gets the locale's generic text
  if (issue.code === 'custom') return lang === 'en' ? issue.message : '格式或取值不符合要求'
  return text ?? issue.message
}

/** The issues of a refused request as one text in both languages, `path: problem; …`. */
export function issuesText(issues: readonly Issue[], prefix = ''): Text {
  const join = (lang: 'zh-CN' | 'en') =>
    issues
      .slice(0, 20)
      .map(
        (i) =>
          `${prefix}${i.path.join('.') || (lang === 'en' ? 'request' : '请求')}${lang === 'en' ? ': ' : '：'}${issueText(i, lang)}`,
      )
      .join(lang === 'en' ? '; ' : '；')
  return { 'zh-CN': join('zh-CN'), en: join('en') }
}

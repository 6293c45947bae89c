/** An import's issues as one text in both languages, each led by its file:row:column. */
import { IMPORT_ISSUES_ZH } from '../i18n/import-messages.ts'
import { fill, type Text } from '../i18n/server-messages.ts'
import type { ImportIssue } from '../statistics/import/validate.ts'

export function importIssueZh(issue: ImportIssue): string {
  return fill(IMPORT_ISSUES_ZH[issue.code], 'zh-CN', issue.params ?? {})
}

/** `rename` turns the stored temporary file's name back into the name the person sent. */
export function importIssuesText(issues: readonly ImportIssue[], rename: (location: string) => string): Text {
  return {
    'zh-CN': issues.map((i) => `${rename(i.location)}：${importIssueZh(i)}`).join('；'),
    en: issues.map((i) => `${rename(i.location)}: ${i.message}`).join('; '),
  }
}

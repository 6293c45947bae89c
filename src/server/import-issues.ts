/** An import's issues (and recorded outputs' problems) as one text in both languages, each led by where it is. */
import { IMPORT_ISSUES_ZH, RECORD_PROBLEMS_ZH } from '../i18n/import-messages.ts'
import { fill, type Text } from '../i18n/server-messages.ts'
import type { RecordProblem } from '../sharing/outputs.ts'
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

/** Problems of recorded outputs, each led by the record's number and field. */
export function recordProblemsText(problems: readonly RecordProblem[]): Text {
  return {
    'zh-CN': problems
      .map((p) => `第 ${p.record} 条记录：${p.field}：${fill(RECORD_PROBLEMS_ZH[p.code], 'zh-CN', p.params)}`)
      .join('；'),
    en: problems.map((p) => p.message).join('; '),
  }
}

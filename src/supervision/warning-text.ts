/**
 * A warning's sentence in zh-CN or English, from its code and figures (the domain's `message`
 * stays English for logs and older readers). Pure: the words come from src/i18n.
 */
import { WARNING_TEMPLATES } from '../i18n/audit-messages.ts'
import { fill, type Lang } from '../i18n/server-messages.ts'
import type { Milestone } from './tasks.ts'
import type { Warning } from './warnings.ts'

export function warningText(
  w: Warning,
  milestones: readonly Pick<Milestone, 'id' | 'name'>[],
  lang: Lang,
): string {
  const milestone = milestones.find((m) => m.id === w.milestoneId)?.name ?? w.milestoneId ?? ''
  return fill(WARNING_TEMPLATES[w.code][lang], lang, {
    days: Math.abs(w.daysLeft),
    actual: w.actual.toFixed(0),
    expected: w.expected.toFixed(0),
    milestone,
  })
}

/** The warning with its sentence in both languages, as the API answers it. */
export function withWarningText(w: Warning, milestones: readonly Pick<Milestone, 'id' | 'name'>[]) {
  return { ...w, messageZh: warningText(w, milestones, 'zh-CN'), messageEn: warningText(w, milestones, 'en') }
}

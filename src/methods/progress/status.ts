/**
 * The progress status vocabulary every method maps into, with the wording of Chinese plan
 * evaluations (提前实现 / 快于预期 / 基本符合预期 / 滞后于预期) as the zh-CN default. A method keeps its
 * own labels too (`methodStatus`), so the disagreement between methods stays visible.
 */
export const STATUSES = [
  'achieved',
  'on_track',
  'off_track',
  'regressing',
  'insufficient_data',
  'not_assessable',
] as const
export type Status = (typeof STATUSES)[number]

export const STATUS_LABELS: Record<Status, { zh: string; en: string }> = {
  achieved: { zh: '提前实现', en: 'Achieved' },
  on_track: { zh: '基本符合预期', en: 'On track' },
  off_track: { zh: '滞后于预期', en: 'Off track' },
  regressing: { zh: '倒退', en: 'Regressing' },
  insufficient_data: { zh: '数据不足', en: 'Insufficient data' },
  not_assessable: { zh: '无法评估', en: 'Not assessable' },
}

/** On track means a pace ratio of at least this (Open SDG's "substantial progress" cut-off). */
export const ON_TRACK = 0.95

/** zh label, with 快于预期 / "Ahead of schedule" for an on-track target ahead of schedule. */
export function statusLabel(s: { status: Status; ahead: boolean }, lang: 'zh' | 'en'): string {
  if (s.status === 'on_track' && s.ahead) return lang === 'zh' ? '快于预期' : 'Ahead of schedule'
  return STATUS_LABELS[s.status][lang]
}

export type Sign = 1 | -1

/** +1 when higher is better; accepts higher/increase/positive and lower/decrease/negative. */
export function directionSign(text: string): Sign | null {
  const t = text.trim().toLowerCase()
  if (['higher', 'increase', 'positive', 'up', '+1', '1'].includes(t)) return 1
  if (['lower', 'decrease', 'negative', 'down', '-1'].includes(t)) return -1
  return null
}

/**
 * The progress status vocabulary every method maps into, so that methods can be set side by side.
 * Each method also keeps its own published category (`method_status`), so their disagreement
 * stays visible. Chinese labels follow the wording of Chinese plan mid-term evaluations
 * (提前实现 / 快于预期 / 基本符合预期 / 滞后于预期 / 倒退) and are the zh-CN default; 快于预期
 * ("ahead of schedule") is the label of an on-track series whose pace exceeds the required one.
 *
 *   achieved           target already met                     提前实现 / Achieved
 *   on_track           pace enough to meet it by the deadline 基本符合预期 (快于预期 when ahead)
 *   off_track          moving the right way, too slowly       滞后于预期 / Off track
 *   regressing         moving the wrong way                   倒退 / Regressing
 *   insufficient_data  fewer than two usable years            数据不足 / Insufficient data
 *   not_assessable     the method cannot be applied (zero or sign-changing base, …) 无法评估
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

export const AHEAD_LABELS = { zh: '快于预期', en: 'Ahead of schedule' } as const

/** On track means a pace ratio of at least this (Open SDG's "substantial progress" cut-off 0.95). */
export const ON_TRACK = 0.95

/** Both labels of a status; an on-track series that is ahead of schedule gets 快于预期. */
export function statusLabels(status: Status, ahead = false): { label_zh: string; label_en: string } {
  const l = status === 'on_track' && ahead ? AHEAD_LABELS : STATUS_LABELS[status]
  return { label_zh: l.zh, label_en: l.en }
}

/** One label of a status (earlier API, used by src/plans): 快于预期 for an on-track series ahead. */
export function statusLabel(s: { status: Status; ahead: boolean }, lang: 'zh' | 'en'): string {
  const l = statusLabels(s.status, s.ahead)
  return lang === 'zh' ? l.label_zh : l.label_en
}

export { directionSign, type Sign } from './types.ts'

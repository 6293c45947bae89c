/**
 * Closed vocabularies in the page language: units, outline numbering, warnings, bilingual metadata.
 * The API sends a unit's names (`unitZh`, `unitEn`) and a text's two languages where it has them;
 * until a field is there, the web catalogue (`units`, `warningText`, ...) names it. Pure functions
 * of `t` and the language, so the tests read them without a browser.
 */
import type { TFunction } from 'i18next'
import { zhCN } from './zh-CN.ts'

const CJK = /[\u3400-\u9fff]/

/** The text in the page language of a pair; the other language's text when that one is empty. */
export function pick(pair: { zh?: string | null; en?: string | null }, lang: string): string {
  const [mine, other] = lang === 'en' ? [pair.en, pair.zh] : [pair.zh, pair.en]
  return mine || other || ''
}

/** The unit's name in the page language: the API's, else the catalogue's, else as written. */
export function unitName(
  x: { unit: string; unitZh?: string | null; unitEn?: string | null },
  lang: string,
  t: TFunction,
): string {
  const api = lang === 'en' ? x.unitEn : x.unitZh
  if (api) return api
  const names = t('units', { returnObjects: true }) as unknown as Record<string, string>
  const written = x.unit.trim()
  // the catalogue's keys are the English spellings; a unit written in Chinese (万元) is found by its name
  const key = written in names ? written : Object.entries(zhCN.units).find(([, zh]) => zh === written)?.[0]
  return (key && names[key]) || x.unit
}

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/** A Chinese numeral from 一 to 九十九 as a number (十一 → 11, 二十 → 20); undefined for anything else. */
export function chineseNumeral(s: string): number | undefined {
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(s)
  if (!m || !s) return undefined
  const [, tens, ten, units] = m
  if (!ten) return tens && !units ? DIGITS[tens] : undefined
  return (tens ? DIGITS[tens]! : 1) * 10 + (units ? DIGITS[units]! : 0)
}

/**
 * An outline number in the page language's convention: Chinese 一、 and （一）; English 1. and (1).
 * The plans write 一, (一) or 1; a number it cannot read is shown as written.
 */
export function outlineNumber(number: string | undefined, lang: string): string {
  if (!number) return ''
  const paren = /^[(（]\s*(.+?)\s*[)）]$/.exec(number)
  const inner = paren ? paren[1]! : number
  const n = /^\d+$/.test(inner) ? Number(inner) : chineseNumeral(inner)
  if (lang === 'en') {
    if (n === undefined) return number
    return paren ? `(${n})` : `${n}.`
  }
  if (paren) return `（${inner}）`
  return CJK.test(inner) ? `${inner}、` : `${inner}.`
}

/** "中共中央、国务院 (CPC Central Committee; State Council)" → both names; one name stands for both. */
export function splitBilingual(s: string): { zh: string; en: string } {
  const m = /^(.+?)\s*[(（]([^()（）]+)[)）]\s*$/.exec(s.trim())
  if (m && CJK.test(m[1]!) && !CJK.test(m[2]!)) return { zh: m[1]!, en: m[2]! }
  return CJK.test(s) ? { zh: s, en: '' } : { zh: '', en: s }
}

export interface WarningLike {
  code: string
  daysLeft: number
  expected: number
  actual: number
  milestoneId?: string | null
  /** the server's sentence in each language, where it sends them */
  messageZh?: string
  messageEn?: string
}

/** A supervision warning in words: the server's sentence, else from its code and figures (a milestone by its name). */
export function warningText(
  w: WarningLike,
  milestones: readonly { id: string; name: string }[],
  t: TFunction,
  lang: string,
): string {
  const sent = pick({ zh: w.messageZh ?? null, en: w.messageEn ?? null }, lang)
  if (sent) return sent
  const name = milestones.find((m) => m.id === w.milestoneId)?.name ?? ''
  return t(`warningText.${w.code}`, {
    days: Math.abs(w.daysLeft),
    actual: Math.round(w.actual),
    expected: Math.round(w.expected),
    name,
    defaultValue: w.code,
  })
}

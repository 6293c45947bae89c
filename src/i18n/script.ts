/**
 * Which script a text is in, for tests that keep each language to its own: a zh-CN text may hold
 * Latin only in codes (R&D, GDP, CO2, file names, identifiers), an English text no CJK at all.
 */
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/

export function hasCjk(text: string): boolean {
  return CJK.test(text)
}

/**
 * Latin words of a zh-CN text that are not codes. A word counts as a code when it has a digit, a
 * dot (file and domain names), an upper-case letter after its first (GDP, CEADs, OpenClimate), or
 * is in `allowed` (proper names in citations, command names).
 */
export function latinWords(text: string, allowed: readonly string[] = []): string[] {
  const words = text.match(/\.?[A-Za-z][A-Za-z0-9&._/-]*/g) ?? []
  const isCode = (w: string) => /[\d.]/.test(w) || /[A-Z]/.test(w.slice(1)) || allowed.includes(w)
  return words.filter((w) => !isCode(w))
}

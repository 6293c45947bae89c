import { describe, expect, it } from 'vitest'
import { fromAcceptLanguage, pickLang } from './lang.ts'

describe('the language of an answer', () => {
  it('prefers ?lang=, then the cookie, then Accept-Language, then zh-CN', () => {
    expect(pickLang('en', 'zh-CN', 'zh')).toBe('en')
    expect(pickLang(undefined, 'en', 'zh-CN')).toBe('en')
    expect(pickLang(undefined, undefined, 'en-US,en;q=0.9')).toBe('en')
    expect(pickLang(undefined, undefined, undefined)).toBe('zh-CN')
    expect(pickLang('fr', 'xx', 'de-DE')).toBe('zh-CN')
  })
  it('reads Accept-Language by q-value, skipping languages it has no catalogue for', () => {
    expect(fromAcceptLanguage('de-DE,en;q=0.5,zh-CN;q=0.8')).toBe('zh-CN')
    expect(fromAcceptLanguage('fr, en-GB;q=0.7')).toBe('en')
    expect(fromAcceptLanguage('zh;q=0, en;q=0.1')).toBe('en')
    expect(fromAcceptLanguage('english')).toBeUndefined()
  })
})

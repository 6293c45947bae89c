import { describe, expect, it } from 'vitest'
import { hasCjk, latinWords } from './script.ts'
import { catalogueEntries, message } from './server-messages.ts'

/** Codes a Chinese message may keep in Latin letters: header and request field names, products. */
const ZH_ALLOWED = ['x-csrf-token', 'file', 'release', 'evidence', 'side', 'Word', 'Excel']

describe('the server catalogue', () => {
  const entries = catalogueEntries()
  it('has every key in both languages, zh without Latin words outside codes, en without CJK', () => {
    expect(entries.length).toBeGreaterThan(100)
    for (const { key, zh, en } of entries) {
      expect(zh.trim(), key).not.toBe('')
      expect(en.trim(), key).not.toBe('')
      expect(latinWords(zh.replace(/\{\w+\}/g, ''), ZH_ALLOWED), `${key}: ${zh}`).toEqual([])
      expect(hasCjk(en), `${key}: ${en}`).toBe(false)
    }
  })
  it('fills blanks with values and with terms in the message language', () => {
    const params = { event: { term: 'task_event.start' }, state: { term: 'task_state.closed' } } as const
    expect(message('zh-CN', 'transition.illegal_transition', params)).toBe(
      '任务当前为“已办结”，不能执行“开始办理”',
    )
    expect(message('en', 'transition.illegal_transition', params)).toBe('Cannot start a task that is closed')
    expect(message('en', 'missing.task', { id: 'T-42-1' })).toBe('No task T-42-1')
    expect(message('zh-CN', 'invalid_request', { details: { 'zh-CN': '甲', en: 'a' } })).toBe(
      '请求参数无效：甲',
    )
  })
})

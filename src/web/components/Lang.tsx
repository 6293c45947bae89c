/**
 * Text that is not in the page language, marked so (the `lang` attribute tells screen readers and the
 * language crawler): citations of sources, text a person wrote in his own language, and a text the
 * data holds only in the other language, which says so.
 */
import { Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

const CJK = /[\u3400-\u9fff]/

/** The language a text is written in, by its script. */
export const scriptLang = (text: string): 'zh-CN' | 'en' => (CJK.test(text) ? 'zh-CN' : 'en')

/** A source as cited (URLs, document titles in their own language); never translated. */
export function Cite({ children, title }: { children: ReactNode; title?: string }) {
  return (
    <cite style={{ fontStyle: 'normal' }} title={title}>
      {children}
    </cite>
  )
}

/** Free text as its author wrote it (task titles, report narratives), marked with its language. */
export function Authored({ text }: { text: string }) {
  return <span lang={scriptLang(text)}>{text}</span>
}

/**
 * The page-language text of a pair; when only the other language has one, that text marked with its
 * language and "(in Chinese only)" / "（仅有英文）" beside it.
 */
export function InLang({ zh, en }: { zh?: string | null | undefined; en?: string | null | undefined }) {
  const { t, i18n } = useTranslation()
  const isEn = i18n.language === 'en'
  const mine = isEn ? en : zh
  if (mine) return <>{mine}</>
  const other = isEn ? zh : en
  if (!other) return null
  return (
    <>
      <span lang={isEn ? 'zh-CN' : 'en'}>{other}</span>{' '}
      <Typography.Text type="secondary">{t('words.onlyOther')}</Typography.Text>
    </>
  )
}

/** A sentence in the page language quoting text a person wrote: the quoted parts marked with their language. */
export function Quoting({ text, quotes }: { text: string; quotes: readonly string[] }) {
  const parts = quotes.filter((q) => q && text.includes(q))
  if (!parts.length) return <>{text}</>
  const escaped = parts.map((q) => q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return (
    <>
      {text
        .split(new RegExp(`(${escaped.join('|')})`))
        // the pieces of one sentence never move: their position is their identity
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        .map((piece, i) => (parts.includes(piece) ? <Authored key={i} text={piece} /> : piece))}
    </>
  )
}

import { useTranslation } from 'react-i18next'
import type { PlanNode } from '../../api.ts'
import { outlineNumber } from '../../i18n/words.ts'

/**
 * A plan item's number and title in the page language; an item with no title in that language
 * shows the other one, marked with its `lang` (many measures have only their Chinese wording).
 */
export function ItemTitle({
  node,
}: {
  node: Pick<PlanNode, 'number' | 'number_en' | 'title_zh' | 'title_en'>
}) {
  const { i18n } = useTranslation()
  const en = i18n.language === 'en'
  const number = outlineNumber(en ? (node.number_en ?? node.number) : node.number, i18n.language)
  const mine = en ? node.title_en : node.title_zh
  return (
    <>
      {number && `${number} `}
      {mine ? mine : <span lang={en ? 'zh-CN' : 'en'}>{en ? node.title_zh : node.title_en}</span>}
    </>
  )
}

import { useTranslation } from 'react-i18next'
import type { Observation } from '../api.ts'
import { Cite } from './Lang.tsx'

/**
 * Where one figure comes from: the source as cited (URL, document, in its own language), or, for a
 * figure jueqi computed, how it computed it in the page language (the API's source text for those is
 * an English note).
 */
export function ObservationSource({
  o,
  formula,
}: {
  o: Pick<Observation, 'source' | 'note' | 'derived' | 'coverage'>
  formula?: string | null | undefined
}) {
  const { t } = useTranslation()
  if (!o.derived) return <Cite title={o.note || undefined}>{o.source}</Cite>
  if (o.coverage) return <>{t('words.aggregatedSource', o.coverage)}</>
  if (formula) return <>{t('words.derivedSource', { formula })}</>
  return <>{t('words.aggregatedPlain')}</>
}

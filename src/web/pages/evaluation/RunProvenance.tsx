import { useTranslation } from 'react-i18next'
import type { Release } from '../../api.ts'
import { Provenance } from '../../components/Provenance.tsx'
import { fromRun } from '../../components/provenance.ts'
import type { EvaluationRun } from './evaluation-api.ts'

/** The provenance line of a chart or table drawn from a saved evaluation run: its releases, when it was saved, its id and method version. */
export function RunProvenance({
  run,
  releases,
  testId,
}: {
  run: EvaluationRun
  releases: Release[] | undefined
  testId?: string
}) {
  const { t } = useTranslation()
  const asOf = run.stamp.options.asOf
  return (
    <Provenance
      data={{ ...fromRun(run, releases), ...(typeof asOf === 'string' ? { asOf } : {}) }}
      extra={[
        { label: t('provenance.run'), value: <span data-testid="provenance-run">#{run.id}</span> },
        {
          label: t('provenance.method'),
          value: (
            <span data-testid="provenance-method">
              {t(`methods.run.${run.stamp.method}`, { defaultValue: run.stamp.method })} {run.stamp.version}
            </span>
          ),
        },
      ]}
      {...(testId ? { testId } : {})}
    />
  )
}

/** Builders for sharing tests: an agreement version confirmed by both sides, and output rows. */
import { type AgreementVersion, type TermsInput, termsSchema } from './agreement.ts'
import { toUnits } from './decimal.ts'
import type { ResolvedOutput } from './outputs.ts'

export function confirmedVersion(
  terms: TermsInput,
  effectiveFrom = '2000-01-01',
  version = 1,
): AgreementVersion {
  return {
    agreementId: 'A1',
    version,
    effectiveFrom,
    terms: termsSchema.parse(terms),
    confirmations: {
      origin: { by: 'origin.admin', at: '2015-12-01T00:00:00Z' },
      host: { by: 'host.admin', at: '2015-12-02T00:00:00Z' },
    },
  }
}

export function output(
  projectId: string,
  metric: string,
  period: string,
  amount: string,
  central = '0',
  releaseId = 1,
): ResolvedOutput {
  const source = metric.endsWith('_local') ? 'tax_authority' : 'host_statistics'
  return { projectId, metric, period, amount: toUnits(amount), central: toUnits(central), source, releaseId }
}

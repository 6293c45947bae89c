/** Types of the sharing API as the pages read them (mirrors src/server/routes/sharing). */
export type Side = 'origin' | 'host'
export type View = 'official' | 'allocation' | 'assessment'

export interface MetricTerms {
  metric: string
  kind: 'statistic' | 'tax'
  name?: { zh: string; en: string }
  unit: string
  period: string
  originShare: string
  basis: 'total' | 'increment'
  countsTowardCap: boolean
  assessmentDoubleCount: boolean
}

export interface Terms {
  name: { zh: string; en: string }
  projects: { id: string; name: string }[]
  metrics: MetricTerms[]
  term: { years: number; extensionYears: number }
  cap: { rule: 'none' | 'prior_tax' | 'fixed'; priorYears: number }
}

export interface AgreementView {
  id: string
  parkId: string
  parkName: { zh: string; en: string }
  originRegion: string
  hostRegion: string
  state: 'draft' | 'active'
  mySides: Side[]
  canSeeAssessment: boolean
  versions: {
    version: number
    effectiveFrom: string
    state: 'draft' | 'in_force'
    confirmations: Record<Side, { by: string; at: string } | null>
    terms: Terms
  }[]
  releases?: { id: number; name: string; publishedOn: string }[]
  allocations?: { id: number; releaseId: number }[]
}

export interface AllocationView {
  id: number
  releaseId: number
  versions: number[]
  asOf: string
  view: View
  doubleCounted: boolean
  rows: {
    projectId: string
    metric: string
    period: string
    amount: string
    origin: string
    host: string
    notes: string[]
  }[]
  credits: { projectId: string; metric: string; period: string; region: string; amount: string }[]
  projects: {
    projectId: string
    name: string
    start: string | null
    termEnd: string | null
    state: string
    cap: string | null
    originCumulative: string
    capReachedIn: string | null
  }[]
  settlements: { projectId: string; due: string; shortfall: string }[]
  totals: { metric: string; period: string; region: string; published: string; afterSharing: string }[]
  balanced: boolean
}

export interface ReconciliationView {
  allocationId: number
  balanced: boolean
  periods: {
    period: string
    state: 'open' | 'settled' | 'closed'
    differences: number
    lines: {
      metric: string
      allocated: string
      origin: string
      host: string
      recorded: string
      difference: string
      differing: { projectId: string }[]
    }[]
  }[]
}

export async function getJson<T>(path: string): Promise<T | null> {
  const res = await fetch(path, { headers: { accept: 'application/json' } })
  if (res.status === 404) return null
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null
    throw new Error(body?.error?.message ?? `${res.status}`)
  }
  return res.json() as Promise<T>
}

export const agreementPath = (id: string) => `/api/sharing/agreements/${encodeURIComponent(id)}`

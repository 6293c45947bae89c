/** Typed reads of the public API. Types mirror the server's zod schemas (src/server/schemas.ts). */
import { type Columns, fromColumns } from '../statistics/columns.ts'

export interface Region {
  code: string
  level: string
  nameZh: string
  nameEn: string
  parentCode: string | null
}

export interface Indicator {
  key: string
  nameZh: string
  nameEn: string
  unit: string
  /** the unit's code in the closed list (statistics/units.ts) and its names */
  unitCode: string | null
  unitZh: string
  unitEn: string
  direction: 'higher' | 'lower' | 'neutral'
  definition: string
  definitionZh: string
  definitionEn: string
  sourceSeries: string
  sourceSeriesZh: string
  sourceSeriesEn: string
  policyTarget: string
  formula: string | null
  derived: boolean
  breaks: { year: number; note: string; noteZh?: string; noteEn?: string }[]
}

export interface Observation {
  region: string
  indicator: string
  period: number
  value: number
  unit: string
  unitCode: string | null
  unitZh: string
  unitEn: string
  source: string
  note: string
  vintage: string | null
  release: string
  releaseDate: string
  preferred: boolean
  derived: boolean
  synthetic: boolean
  /** ISO time the figure was computed (release creation, roll-up refresh or request) */
  computedAt: string
  /** a roll-up's member provinces and how many had the figure */
  coverage: { members: number; withData: number } | null
}

export interface Release {
  id: number
  name: string
  publishedOn: string
  kind: string
  synthetic: boolean
  createdAt: string
}

async function get<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' } })
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null
    throw new Error(body?.error?.message ?? `${res.status} ${res.statusText}`)
  }
  return res.json() as Promise<T>
}

export const api = {
  regions: (q = '') => get<{ regions: Region[] }>(`/api/regions${q}`).then((r) => r.regions),
  indicators: () => get<{ indicators: Indicator[] }>('/api/indicators').then((r) => r.indicators),
  indicator: (key: string) => get<Indicator>(`/api/indicators/${encodeURIComponent(key)}`),
  // as columns: a county answer is a tenth of the rows' JSON to download and parse
  observations: (params: Record<string, string>) =>
    get<Columns<Observation>>(
      `/api/observations?${new URLSearchParams({ ...params, format: 'columns' })}`,
    ).then(fromColumns),
  releases: () => get<{ releases: Release[] }>('/api/releases').then((r) => r.releases),
  provincesGeo: () => get<GeoJSON>('/api/maps/provinces'),
  alignment: (id: string) =>
    get<{
      national: string
      implemented: { nationalId: string; by: string[] }[]
      withoutCounterpart: string[]
      unlinked: string[]
    }>(`/api/plans/${encodeURIComponent(id)}/alignment`),
  plans: () => get<{ plans: PlanSummary[] }>('/api/plans').then((r) => r.plans),
  plan: (id: string) => get<PlanDetail>(`/api/plans/${encodeURIComponent(id)}`),
  planStatus: (id: string, lang: string) =>
    get<{ statuses: TargetStatus[] }>(`/api/plans/${encodeURIComponent(id)}/status?lang=${lang}`).then(
      (r) => r.statuses,
    ),
}

export interface PlanSummary {
  planId: string
  level: string
  regionCode: string
  builtin: boolean
  publishedVersion: number | null
  titleZh: string
  titleEn: string | null
}

export interface PlanTarget {
  id: string
  indicator: string | null
  regions: string[]
  deadline: number | null
  text: string
  binding: 'binding' | 'expected' | null
  target: { form: string; [k: string]: unknown }
}

export interface PlanNode {
  id: string
  kind: string
  number?: string
  /** the outline number in Arabic digits for English text */
  number_en?: string
  title_zh: string
  title_en?: string
  title_status?: string
  notes?: string
  provinces: string[]
  provinces_in_subtree?: string[]
  related_national: string[]
  targets: PlanTarget[]
  children: PlanNode[]
}

export interface PlanDetail {
  planId: string
  version: number
  level: string
  regionCode: string
  tree: PlanNode & { issuer?: string; completeness?: { status?: string } }
}

export interface TargetStatus {
  targetId: string
  nodeId: string
  indicator: string | null
  region: string
  status: 'achieved' | 'on_track' | 'off_track' | 'regressing' | 'insufficient_data' | 'not_assessable'
  label: string
  method: string
  baseYear: number | null
  baseValue: number | null
  currentYear: number | null
  currentValue: number | null
  missing: string[]
  reason: string
}

export interface GeoJSON {
  type: 'FeatureCollection'
  features: { type: 'Feature'; properties: Record<string, unknown>; geometry: unknown }[]
}

export const observationsCsvUrl = (params: Record<string, string>) =>
  `/api/observations?${new URLSearchParams({ ...params, format: 'csv' })}`

/** Typed reads of the public API. Types mirror the server's zod schemas (src/server/schemas.ts). */
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
  direction: 'higher' | 'lower' | 'neutral'
  definition: string
  sourceSeries: string
  policyTarget: string
  formula: string | null
  derived: boolean
  breaks: { year: number; note: string }[]
}

export interface Observation {
  region: string
  indicator: string
  period: number
  value: number
  unit: string
  source: string
  note: string
  vintage: string | null
  release: string
  releaseDate: string
  preferred: boolean
  derived: boolean
  synthetic: boolean
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
  observations: (params: Record<string, string>) =>
    get<{ observations: Observation[] }>(`/api/observations?${new URLSearchParams(params)}`).then(
      (r) => r.observations,
    ),
  provincesGeo: () => get<GeoJSON>('/api/maps/provinces'),
}

export interface GeoJSON {
  type: 'FeatureCollection'
  features: { type: 'Feature'; properties: Record<string, unknown>; geometry: unknown }[]
}

export const observationsCsvUrl = (params: Record<string, string>) =>
  `/api/observations?${new URLSearchParams({ ...params, format: 'csv' })}`

/**
 * What a figure rests on, as the provenance line under a chart or beside a table shows it: the
 * releases its values come from (name, publication date, synthetic or not), when it was computed,
 * and whether any value shown is synthetic. Pure functions, so the pages and the tests share them.
 */
import type { Observation, Release } from '../api.ts'
import { localeOf } from '../format.ts'

export interface ReleaseRef {
  name: string
  /** publication date, YYYY-MM-DD (unknown for a release the reader may not see) */
  date?: string
  synthetic?: boolean
}

export interface ProvenanceData {
  releases: ReleaseRef[]
  /** ISO time the shown figures were computed; absent, the newest release date stands in */
  computedAt?: string
  /** the day the figures are "as of" when they are computed on request (the scorecard) */
  asOf?: string
  synthetic: boolean
}

type ObservationLike = Pick<Observation, 'release' | 'releaseDate' | 'synthetic'> & { computedAt?: string }

/** Newest release first; undated ones last, by name. */
export function sortReleases(refs: ReleaseRef[]): ReleaseRef[] {
  return [...refs].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.name.localeCompare(b.name))
}

/** The provenance of the observation rows a chart or table shows (missing cells are skipped). */
export function fromObservations(rows: readonly (ObservationLike | undefined)[]): ProvenanceData {
  const releases = new Map<string, ReleaseRef>()
  let computedAt: string | undefined
  let synthetic = false
  for (const r of rows) {
    if (!r) continue
    const seen = releases.get(r.release)
    releases.set(r.release, {
      name: r.release,
      date: r.releaseDate,
      synthetic: Boolean(seen?.synthetic) || r.synthetic,
    })
    if (r.synthetic) synthetic = true
    if (r.computedAt && (!computedAt || Date.parse(r.computedAt) > Date.parse(computedAt)))
      computedAt = r.computedAt
  }
  return { releases: sortReleases([...releases.values()]), ...(computedAt ? { computedAt } : {}), synthetic }
}

/**
 * The provenance of an evaluation run: the releases its stamp names, dated and flagged from the
 * release list where the reader can see them, and the time the run was saved.
 */
export function fromRun(
  run: { createdAt: string; stamp: { releases: string[] } },
  known: readonly Pick<Release, 'name' | 'publishedOn' | 'synthetic'>[] = [],
): ProvenanceData {
  const byName = new Map(known.map((r) => [r.name, r]))
  const releases = run.stamp.releases.map((name): ReleaseRef => {
    const r = byName.get(name)
    return r ? { name, date: r.publishedOn, synthetic: r.synthetic } : { name }
  })
  return {
    releases: sortReleases(releases),
    computedAt: run.createdAt,
    synthetic: releases.some((r) => r.synthetic),
  }
}

/** The time the line shows as "computed at", and whether it is the release date standing in for it. */
export function computedTime(p: ProvenanceData): { when: string; isReleaseDate: boolean } | undefined {
  if (p.computedAt) return { when: p.computedAt, isReleaseDate: false }
  const newest = p.releases
    .map((r) => r.date)
    .filter((d): d is string => Boolean(d))
    .sort()
    .at(-1)
  return newest ? { when: newest, isReleaseDate: true } : undefined
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/**
 * A date (YYYY-MM-DD: the day itself, whatever the reader's time zone) or a time (ISO: in the
 * reader's time zone, to the minute, with the zone named) in the UI language.
 */
export function formatWhen(s: string, lang: string, timeZone?: string): string {
  const locale = localeOf(lang)
  if (DATE_ONLY.test(s)) {
    const d = new Date(`${s}T00:00:00Z`)
    if (Number.isNaN(d.getTime())) return s
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d)
  }
  const d = new Date(s)
  if (Number.isNaN(d.getTime())) return s
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(d)
}

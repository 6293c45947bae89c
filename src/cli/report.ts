/**
 * `jueqi report <kind>`: an evaluation report as HTML, PDF or Word. Only option parsing lives
 * here; the work (store, report model, renderers, Chromium) is imported when the command runs.
 */
import { Command } from 'commander'
import { type StoreOptions, withStoreOptions } from './context.ts'

export interface ReportOpts extends StoreOptions {
  plan?: string
  lang: string
  format: string
  out: string
}

export function reportCommand(): Command {
  const cmd = new Command('report').description(
    'evaluation reports as HTML, PDF or Word (docx), in Chinese or English',
  )
  cmd.addCommand(
    withStoreOptions(new Command('final'))
      .description("final assessment of a plan's quantified targets at their deadline (终期评估)")
      .requiredOption('--plan <id>', 'plan id, e.g. C21 (jueqi plan list)')
      .option('--lang <lang>', 'zh or en', 'zh')
      .option('--format <fmt>', 'html, pdf or docx', 'html')
      .requiredOption('--out <file>', 'output file')
      .action(async (opts: ReportOpts) => {
        const { runFinalReport } = await import('./report-run.ts')
        await runFinalReport(opts)
      }),
  )
  return cmd
}

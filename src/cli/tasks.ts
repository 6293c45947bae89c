/** `jueqi tasks warnings`: today's blue/yellow/red warnings, for a daily job (cron, systemd timer). */
import { Command } from 'commander'
import { openSeededStore, type StoreOptions, withStoreOptions } from './context.ts'
import { CliError } from './errors.ts'

interface Opts extends StoreOptions {
  date?: string
  region?: string
  format: string
  min: string
}

export function tasksCommand(): Command {
  const warnings = withStoreOptions(new Command('warnings'))
    .description(
      'list the warnings of every open task on a day (default: today in Beijing); exit 3 if any is red',
    )
    .option('--date <yyyy-mm-dd>', 'the day to judge (Beijing calendar)')
    .option('--region <codes>', 'only these regions, comma-separated')
    .option('--min <level>', 'blue, yellow or red', 'blue')
    .option('--format <fmt>', 'tsv or json', 'tsv')
    .action(async (opts: Opts) => {
      const { WARNING_LEVELS } = await import('../supervision/warnings.ts')
      const { taskStatus } = await import('../supervision/task-status.ts')
      const { beijingDay } = await import('../supervision/dates.ts')
      const { listReports, listTasks } = await import('../store/tasks.ts')
      if (opts.date && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date))
        throw new CliError(`--date "${opts.date}": expected YYYY-MM-DD`, 2)
      const min = WARNING_LEVELS.indexOf(opts.min as (typeof WARNING_LEVELS)[number])
      if (min < 0) throw new CliError(`--min "${opts.min}": expected ${WARNING_LEVELS.join(', ')}`, 2)
      if (!['tsv', 'json'].includes(opts.format))
        throw new CliError(`--format "${opts.format}": expected tsv or json`, 2)
      const today = opts.date ?? beijingDay(new Date().toISOString())
      const store = await openSeededStore(opts)
      try {
        const tasks = await listTasks(store.db, opts.region ? { regions: opts.region.split(',') } : {})
        const reports = await listReports(
          store.db,
          tasks.map((t) => t.id),
        )
        const found = tasks.flatMap((t) =>
          taskStatus(
            t,
            reports.filter((r) => r.taskId === t.id),
            today,
          )
            .warnings.filter((w) => WARNING_LEVELS.indexOf(w.level) >= min)
            .map((w) => ({ ...w, region: t.regionCode, title: t.title })),
        )
        if (opts.format === 'json') console.log(JSON.stringify({ date: today, warnings: found }, null, 2))
        else {
          console.log(
            ['level', 'task', 'region', 'due', 'days_left', 'expected', 'actual', 'message'].join('\t'),
          )
          for (const w of found)
            console.log(
              [
                w.level,
                w.taskId,
                w.region,
                w.due,
                w.daysLeft,
                Math.round(w.expected),
                w.actual,
                w.message,
              ].join('\t'),
            )
        }
        if (found.some((w) => w.level === 'red')) process.exitCode = 3
      } finally {
        await store.close()
      }
    })
  return new Command('tasks').description('supervision tasks').addCommand(warnings)
}

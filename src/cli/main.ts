/** The `jueqi` command: parses arguments, runs a command, and turns a CliError into a message and an exit code. */
import { Command } from 'commander'
import { BadInput } from '../files/bad-input.ts'
import { assessCommand } from './assess.ts'
import { auditCommand } from './audit.ts'
import { CliError } from './errors.ts'
import { exportCommand } from './export.ts'
import { importCommand } from './import.ts'
import { methodCommand } from './method/index.ts'
import { migrateCommand } from './migrate.ts'
import { planCommand } from './plan.ts'
import { reportCommand } from './report.ts'
import { serveCommand } from './serve.ts'
import { sharingCommand } from './sharing.ts'
import { synthCommand } from './synth.ts'
import { tasksCommand } from './tasks.ts'
import { userCommand } from './user.ts'

export function buildProgram(): Command {
  return new Command('jueqi')
    .description('jueqi (崛起): measure, supervise and report on a regional development strategy')
    .version('0.1.0')
    .addCommand(serveCommand())
    .addCommand(importCommand())
    .addCommand(exportCommand())
    .addCommand(migrateCommand())
    .addCommand(userCommand())
    .addCommand(synthCommand())
    .addCommand(methodCommand())
    .addCommand(planCommand())
    .addCommand(auditCommand())
    .addCommand(tasksCommand())
    .addCommand(assessCommand())
    .addCommand(sharingCommand())
    .addCommand(reportCommand())
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv)
  } catch (e) {
    const { message, exitCode } = explain(e)
    console.error(`jueqi: ${message}`)
    process.exit(exitCode)
  }
}

/** File-system errors a person causes (a wrong path, a folder, no permission), by Node's code. */
const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
}

/**
 * What the person at the terminal reads, and the exit code: 2 for input that cannot be used (bad input,
 * a file that is not there), 1 otherwise. Never a stack trace, except with JUEQI_DEBUG=1 for an error
 * nobody foresaw.
 */
export function explain(e: unknown): { message: string; exitCode: number } {
  if (e instanceof CliError) return { message: e.message, exitCode: e.exitCode }
  if (e instanceof BadInput) return { message: e.message, exitCode: 2 }
  const err = e as NodeJS.ErrnoException
  if (err?.code && FILE_ERRORS[err.code] && err.path)
    return { message: `${err.path}: ${FILE_ERRORS[err.code]}`, exitCode: 2 }
  const debug = process.env.JUEQI_DEBUG === '1'
  const first = String(err?.message ?? e).split('\n')[0]
  return {
    message: debug
      ? String(err?.stack ?? e)
      : `unexpected error: ${first} (run again with JUEQI_DEBUG=1 for the details; please report it)`,
    exitCode: 1,
  }
}

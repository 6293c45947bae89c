/** The `jueqi` command: parses arguments, runs a command, and turns a CliError into a message and an exit code. */
import { Command } from 'commander'
import { assessCommand } from './assess.ts'
import { auditCommand } from './audit.ts'
import { CliError } from './errors.ts'
import { exportCommand } from './export.ts'
import { importCommand } from './import.ts'
import { methodCommand } from './method/index.ts'
import { migrateCommand } from './migrate.ts'
import { planCommand } from './plan.ts'
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
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv)
  } catch (e) {
    if (e instanceof CliError) {
      console.error(`jueqi: ${e.message}`)
      process.exit(e.exitCode)
    }
    throw e
  }
}

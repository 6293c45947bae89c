/** `jueqi method <name>`: every evaluation method on a CSV file, JSON on stdout, no database. */
import { Command } from 'commander'
import { METHODS } from './registry.ts'
import { toJson } from './shared.ts'
import type { MethodCommand } from './types.ts'

export function methodCommand(): Command {
  const cmd = new Command('method')
    .description('run an evaluation method on a CSV file and print JSON (no database needed)')
    .addHelpText(
      'after',
      `\nMethods:\n${METHODS.map((m) => `  ${m.name.padEnd(12)} ${m.summary}`).join('\n')}`,
    )
  for (const m of METHODS) cmd.addCommand(subcommand(m))
  return cmd
}

function subcommand(m: MethodCommand): Command {
  const sub = new Command(m.name)
    .description(m.summary)
    .requiredOption('--input <file>', 'input CSV file')
    .addHelpText('after', `\n${m.help}`)
  for (const o of m.options) sub.option(o.flags, o.description, o.default)
  sub.action(async (opts: Record<string, string | boolean | undefined>) => {
    const result = await m.run(opts)
    process.stdout.write(`${toJson(result)}\n`)
  })
  return sub
}

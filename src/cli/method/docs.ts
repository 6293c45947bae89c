/** docs/methods.md, generated from the same method list as `jueqi method <name> --help`. */
import { METHODS } from './registry.ts'

export function methodsMarkdown(): string {
  const out = [
    '# Evaluation methods',
    '',
    'Generated from the command definitions (`npm run docs:methods`); `jueqi method <name> --help` prints the same text.',
    'Every method reads a CSV file and prints one JSON object with a reproducibility `stamp` (method, version, options, input hash).',
    '',
    '| method | what it does |',
    '|---|---|',
    ...METHODS.map((m) => `| [\`${m.name}\`](#${m.name}) | ${m.summary} |`),
    '',
  ]
  for (const m of METHODS) {
    out.push(
      `## ${m.name}`,
      '',
      m.summary,
      '',
      '```text',
      `jueqi method ${m.name} --input <file.csv>${m.options.map((o) => ` [${o.flags}]`).join('')}`,
      '```',
      '',
    )
    out.push('| option | meaning | default |', '|---|---|---|', '| `--input <file>` | input CSV file | |')
    for (const o of m.options)
      out.push(`| \`${o.flags}\` | ${o.description.replace(/\|/g, '\\|')} | ${o.default ?? ''} |`)
    out.push('', '```text', m.help, '```', '')
  }
  return `${out.join('\n').trimEnd()}\n`
}

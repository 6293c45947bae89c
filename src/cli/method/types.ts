/**
 * One evaluation method as a command: `jueqi method <name> --input <file> [--option value]...`.
 * Each method lives in its own file beside this one; `index.ts` turns the list into commander
 * subcommands, and `scripts/methods-doc.ts` turns the same list into docs/methods.md, so the
 * `--help` text and the methods page cannot drift apart.
 */
export interface MethodOption {
  /** commander flags, e.g. `--cost <cols>` */
  flags: string
  description: string
  default?: string
}

export type MethodArgs = Record<string, string | boolean | undefined>

export interface MethodCommand {
  name: string
  /** one line for the command list */
  summary: string
  /** the input layout, formula(s), source(s), variants and every output field */
  help: string
  options: MethodOption[]
  /** Reads the files named in args and returns the JSON result (with its `stamp`). */
  run(args: MethodArgs): Promise<Record<string, unknown>>
}

/**
 * Which of several figures for the same cell is preferred.
 *
 * The rule, stated once: (1) the newest release that has the cell (as of the query date) wins —
 * a revision is a new release and supersedes, without overwriting, what came before; (2) within
 * that release, where sources disagree, a revised figure beats a final one, which beats a
 * first-published one, which beats a preliminary estimate; (3) then the row that came first in
 * the release's file. Rows a rule does not prefer stay visible, marked `preferred: false`.
 */
export const Vintage = ['revised', 'final', 'first_published', 'preliminary'] as const
export type Vintage = (typeof Vintage)[number]

export const VINTAGE_RANK: Record<Vintage, number> = {
  revised: 0,
  final: 1,
  first_published: 2,
  preliminary: 3,
}

/** Rank of a row's vintage for rule (2); an unmarked row counts as final. */
export function vintageRank(v: string | null | undefined): number {
  return v && v in VINTAGE_RANK ? VINTAGE_RANK[v as Vintage] : VINTAGE_RANK.final
}

/**
 * Sources in the built-in dataset state the vintage in words (SOURCES.md): read it from the
 * note. An imported file can state it in its own `vintage` column instead.
 */
const NOTE_PATTERNS: [RegExp, Vintage][] = [
  [/\bREVISED\b|修订后/, 'revised'],
  [/\bPRELIMINARY\b|初步核算|快报/i, 'preliminary'],
  [/first[- ]published|as first published|communiqué level|公报初值/i, 'first_published'],
  [/\bfinal\b|最终核实/i, 'final'],
]

export function vintageFromNote(note: string): Vintage | null {
  for (const [re, v] of NOTE_PATTERNS) if (re.test(note)) return v
  return null
}

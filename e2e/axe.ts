/**
 * axe-core in the browser tests: inject it into a page and run the WCAG 2.1 A/AA rules. Each finding names
 * the rule, the element and why, so a failing test says what to fix where.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** WCAG 2.0 and 2.1, levels A and AA: the rules the issue asks for, nothing experimental. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const

export interface AxeFinding {
  rule: string
  impact: string
  help: string
  /** the element's CSS selector */
  target: string
  html: string
  /** axe's explanation, e.g. the measured contrast ratio */
  why: string
}

declare global {
  interface Window {
    axe?: {
      run: (
        context: Document,
        options: object,
      ) => Promise<{
        violations: {
          id: string
          impact: string | null
          help: string
          nodes: { target: unknown[]; html: string; failureSummary?: string }[]
        }[]
      }>
    }
  }
}

/** Run axe on the page as it is now; one finding per offending element. */
export async function runAxe(page: Page): Promise<AxeFinding[]> {
  // evaluated through the DevTools protocol, not as a page script: the Content-Security-Policy
  // (rightly) refuses inline scripts, and the pages are tested under it
  await page.evaluate(axeSource)
  return page.evaluate(
    async (tags) => {
      const result = await window.axe!.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      })
      return result.violations.flatMap((v) =>
        v.nodes.map((n) => ({
          rule: v.id,
          impact: v.impact ?? '',
          help: v.help,
          target: n.target.map(String).join(' '),
          html: n.html.slice(0, 200),
          why: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300),
        })),
      )
    },
    WCAG_TAGS as unknown as string[],
  )
}

/** One line per finding, grouped under the route: what the failing test prints. */
export function describeFindings(where: string, findings: readonly AxeFinding[]): string {
  return [
    `${where}: ${findings.length} violation(s)`,
    ...findings.map((f) => `  [${f.rule}] ${f.target}\n    ${f.html}\n    ${f.why}`),
  ].join('\n')
}

/** The saved evaluation run as the pages read it (mirrors src/evaluation/run-assessment.ts). */
export interface EvaluationRun {
  id: number
  createdAt: string
  stamp: {
    method: string
    version: string
    releases: string[]
    inputHash: string
    options: Record<string, unknown>
  }
  results: {
    year: number | null
    index: {
      units: string[]
      concepts: string[]
      indicators: string[]
      coverage: Record<string, number>
      index: number[]
      rank: number[]
      conceptScores: number[][]
      uncertainty: {
        median: number[]
        p05: number[]
        p95: number[]
        sensitivity: Record<string, number>
        draws: number
      }
      obstacles: { top: { indicator: string; value: number }[]; concepts: number[] | null }[]
      coupling: { D: number[]; level: (string | null)[]; levelEn: (string | null)[] }
    } | null
    disparity: {
      indicator: string
      theil: { year: number; theilT: number; between: number; within: number; cv: number; gini: number }[]
      sigma: { year: number; sigma: number }[]
      beta: {
        b: number
        se_b: number
        r2: number
        lambda: number
        half_life: number
        from: number
        to: number
        n: number
      } | null
    }
  }
}

export async function latestRun(): Promise<EvaluationRun> {
  const res = await fetch('/api/evaluations/latest')
  const body = (await res.json()) as EvaluationRun & { error?: { message: string } }
  if (!res.ok) throw new Error(body.error?.message)
  return body
}

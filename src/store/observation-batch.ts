/**
 * A batch of observations on their way into the store, column by column: a bulk import fills
 * these arrays row by row without allocating an object per row, and the release writer turns
 * them into COPY text (PostgreSQL) or unnest arrays (PGlite). The batch is reused after a write.
 */
import type { ObservationInput } from '../statistics/observation.ts'

export class ObservationBatch {
  length = 0
  readonly region: string[] = []
  readonly indicator: string[] = []
  period: Int32Array
  value: Float64Array
  readonly unit: string[] = []
  readonly source: string[] = []
  readonly note: string[] = []
  readonly vintage: (string | null)[] = []

  constructor(capacity = 1024) {
    this.period = new Int32Array(capacity)
    this.value = new Float64Array(capacity)
  }

  static of(rows: readonly ObservationInput[]): ObservationBatch {
    const b = new ObservationBatch(Math.max(rows.length, 1))
    for (const r of rows) b.push(r)
    return b
  }

  add(
    region: string,
    indicator: string,
    period: number,
    value: number,
    unit: string,
    source: string,
    note: string,
    vintage: string | null,
  ) {
    const i = this.length++
    if (i === this.period.length) this.grow()
    this.region[i] = region
    this.indicator[i] = indicator
    this.period[i] = period
    this.value[i] = value
    this.unit[i] = unit
    this.source[i] = source
    this.note[i] = note
    this.vintage[i] = vintage
  }

  push(r: ObservationInput) {
    this.add(r.region, r.indicator, r.period, r.value, r.unit, r.source, r.note, r.vintage)
  }

  /** Empty it for the next batch (the arrays keep their size). */
  clear() {
    this.length = 0
  }

  private grow() {
    const period = new Int32Array(this.period.length * 2)
    period.set(this.period)
    this.period = period
    const value = new Float64Array(this.value.length * 2)
    value.set(this.value)
    this.value = value
  }
}

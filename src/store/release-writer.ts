/**
 * Writing a release and its rows in one transaction, streamed (and, before the commit, the
 * macro-region and national roll-ups of the indicators it holds, store/rollups.ts): rows arrive in batches while the
 * file is still being read, so a 17-million-row import never holds the whole file in memory.
 * Rows go into a table of the release's own (PostgreSQL: binary COPY, copy-rows.ts; PGlite:
 * batched INSERT … unnest); a bulk release becomes a partition of `observations`, a small one
 * joins the default partition.
 * The producer decides at the end whether to commit (no issues found) or roll back; duplicates
 * within the release are found by SQL before the commit, with the row numbers of both copies.
 */
import type { Transaction as PgliteTx } from '@electric-sql/pglite'
import type pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import type { ObservationInput } from '../statistics/observation.ts'
import { COPY_COLUMNS as COLUMNS, CopyEncoder, copyHeader, copyTrailer } from './copy-rows.ts'

import { dbInTransaction, type Store } from './db.ts'
import { ObservationBatch } from './observation-batch.ts'
import type { NewRelease, ReleaseRow } from './releases.ts'
import { refreshRollups } from './rollups.ts'

/** The indicators of a batch, cheaply: rows of one indicator usually come together. */
function noteIndicators(into: Set<string>, b: ObservationBatch): void {
  let last: string | undefined
  for (let i = 0; i < b.length; i++) {
    const k = b.indicator[i]!
    if (k !== last) into.add(k)
    last = k
  }
}

export interface RowSink {
  /** rows in file order; each gets the next 0-based position (seq) */
  write(rows: ObservationInput[]): Promise<void>
  /** the same, column by column (a bulk import's batches); the batch may be reused once this resolves */
  writeBatch(batch: ObservationBatch): Promise<void>
}

export interface Duplicate {
  seq: number
  firstSeq: number
}

export type ReleaseInput = Omit<NewRelease, 'id' | 'rowCount' | 'createdAt'> & {
  /** a release loaded by a province's statistician starts in approval, in the same transaction */
  approval?: { regionCode: string; status: string; state: unknown; updatedAt: string }
}

const INSERT_APPROVAL = `INSERT INTO release_approvals (release_id, region_code, status, state, updated_at) VALUES ($1, $2, $3, $4, $5)`
const approvalParams = (id: number, a: NonNullable<ReleaseInput['approval']>) => [
  id,
  a.regionCode,
  a.status,
  JSON.stringify(a.state),
  a.updatedAt,
]

/**
 * What the producer returns: commit or not; duplicates found by the store make it roll back too.
 * A producer that has checked every row for duplicate cells itself and found none says so with
 * `duplicatesPossible: false`, which spares the store its search over the whole release.
 */
export type ProduceResult = { commit: boolean; duplicatesPossible?: boolean }

export interface WriteOutcome {
  release?: ReleaseRow
  rows: number
  duplicates: Duplicate[]
}

/** PGlite's batched INSERT leaves the id to the sequence */
const INSERT_COLUMNS = COLUMNS.replace(/^id, /, '')

const duplicatesSql = (table: string) => `
  SELECT seq, first_seq FROM (
    SELECT seq, first_value(seq) OVER w AS first_seq, row_number() OVER w AS rn
    FROM ${table} WHERE release_id = $1
    WINDOW w AS (PARTITION BY indicator_key, region_code, period, source ORDER BY seq)
  ) d WHERE rn > 1 ORDER BY seq LIMIT 1000`

class Rollback extends Error {}

export async function writeRelease(
  store: Store,
  release: ReleaseInput,
  produce: (sink: RowSink) => Promise<ProduceResult>,
  opts: { partitionRows?: number } = {},
): Promise<WriteOutcome> {
  return store.raw.kind === 'postgres'
    ? writePostgres(store.raw.pool, release, produce, opts.partitionRows ?? PARTITION_ROWS)
    : writePglite(store.raw.client, release, produce, opts.partitionRows ?? PARTITION_ROWS)
}

function releaseRow(r: Record<string, unknown>): ReleaseRow {
  return {
    id: Number(r.id),
    name: String(r.name),
    publishedOn: String(r.published_on),
    kind: String(r.kind),
    synthetic: Boolean(r.synthetic),
    description: String(r.description),
    sourceFile: (r.source_file as string | null) ?? null,
    rowCount: Number(r.row_count),
    createdAt: r.created_at as Date,
  }
}

const INSERT_RELEASE = `INSERT INTO releases (name, published_on, kind, synthetic, description, source_file, row_count)
  VALUES ($1, $2, $3, $4, $5, $6, 0) RETURNING id, name, to_char(published_on, 'YYYY-MM-DD') AS published_on, kind, synthetic, description, source_file, row_count, created_at`

const releaseParams = (r: ReleaseInput) => [
  r.name,
  r.publishedOn,
  r.kind,
  r.synthetic ?? false,
  r.description ?? '',
  r.sourceFile ?? null,
]

/**
 * A release of at least this many rows becomes a partition of its own; smaller ones join the
 * default partition. Below it, building an index by sort saves less than a table per release costs
 * the planner.
 */
export const PARTITION_ROWS = 100_000

type Exec = (text: string, params?: unknown[]) => Promise<unknown>

/** The table a release's rows are written into first, created in the writing transaction. */
async function createStaging(exec: Exec, releaseId: number): Promise<string> {
  const table = `observations_r${releaseId}`
  // the partition's constraint as a CHECK, so that ATTACH PARTITION need not scan the rows to
  // prove it (0.9 s for 16.9 million rows); checked per row as they are copied, at no visible cost
  await exec(
    `CREATE TABLE ${table} (LIKE observations INCLUDING DEFAULTS, CONSTRAINT ${table}_release CHECK (release_id IS NOT NULL AND release_id = ${releaseId}))`,
  )
  return table
}

/**
 * A bulk release gets its cell index built by one sort and its table attached as its partition;
 * a small one is moved into the default partition and its table dropped.
 */
async function finishStaging(
  exec: Exec,
  table: string,
  releaseId: number,
  rows: number,
  partitionRows: number,
) {
  if (rows >= partitionRows) {
    // the server's maintenance_work_mem and parallel workers: at 3.4 million rows the default
    // 64 MB with two workers sorted in 3.3 s, 1 GB in 4.3 s (bench/probe-index.ts)
    await exec(`CREATE INDEX ${table}_cell_idx ON ${table} (indicator_key, region_code, period)`)
    await exec(`ALTER TABLE observations ATTACH PARTITION ${table} FOR VALUES IN (${releaseId})`)
    // the partition bound now says the same
    await exec(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_release`)
  } else {
    await exec(`INSERT INTO observations SELECT * FROM ${table}`)
    await exec(`DROP TABLE ${table}`)
  }
  await exec('UPDATE releases SET row_count = $1 WHERE id = $2', [rows, releaseId])
}

/**
 * On a PostgreSQL server the rows are copied into a table of the release's own, created in the
 * same transaction. At the end a bulk release gets its cell index built by one sort and the table
 * is attached as the release's partition of `observations`; a small one is moved into the default
 * partition and the table dropped. Either way nothing is visible before the commit, and a rollback
 * takes the table with it.
 */
async function writePostgres(
  pool: pg.Pool,
  release: ReleaseInput,
  produce: (sink: RowSink) => Promise<ProduceResult>,
  partitionRows: number,
): Promise<WriteOutcome> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const created = releaseRow((await client.query(INSERT_RELEASE, releaseParams(release))).rows[0])
    if (release.approval) await client.query(INSERT_APPROVAL, approvalParams(created.id, release.approval))
    const exec: Exec = (text, params) => client.query(text, params)
    const table = await createStaging(exec, created.id)
    // FREEZE: the table is new in this transaction, so its rows can be written frozen (no later
    // vacuum pass has to rewrite 17 million rows)
    const copy = client.query(copyFrom(`COPY ${table} (${COLUMNS}) FROM STDIN WITH (FORMAT binary, FREEZE)`))
    const done = new Promise<void>((resolve, reject) => {
      copy.on('finish', resolve)
      copy.on('error', reject)
    })
    copy.write(copyHeader())
    let seq = 0
    const encoder = new CopyEncoder()
    const touched = new Set<string>()
    const sink: RowSink = {
      write: (rows) => sink.writeBatch(ObservationBatch.of(rows)),
      async writeBatch(b) {
        noteIndicators(touched, b)
        const rows = encoder.encode(created.id, b, seq)
        seq += b.length
        if (!copy.write(rows)) await new Promise((resolve) => copy.once('drain', resolve))
      },
    }
    let result: ProduceResult
    try {
      result = await produce(sink)
    } finally {
      copy.end(copyTrailer())
      await done
    }
    const duplicates =
      result.duplicatesPossible === false
        ? []
        : (await client.query(duplicatesSql(table), [created.id])).rows.map((d) => ({
            seq: Number(d.seq),
            firstSeq: Number(d.first_seq),
          }))
    if (!result.commit || duplicates.length > 0) {
      await client.query('ROLLBACK')
      return { rows: seq, duplicates }
    }
    await finishStaging(exec, table, created.id, seq, partitionRows)
    await refreshRollups(dbInTransaction({ kind: 'postgres', client }), touched)
    await client.query('COMMIT')
    return { release: { ...created, rowCount: seq }, rows: seq, duplicates }
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {})
    throw e
  } finally {
    client.release()
  }
}

/** On PGlite the same, the rows going into the release's table in batched INSERT … unnest. */
async function writePglite(
  db: import('@electric-sql/pglite').PGlite,
  release: ReleaseInput,
  produce: (sink: RowSink) => Promise<ProduceResult>,
  partitionRows: number,
): Promise<WriteOutcome> {
  let outcome: WriteOutcome = { rows: 0, duplicates: [] }
  try {
    await db.transaction(async (tx: PgliteTx) => {
      const created = releaseRow(
        (await tx.query<Record<string, unknown>>(INSERT_RELEASE, releaseParams(release))).rows[0]!,
      )
      if (release.approval) await tx.query(INSERT_APPROVAL, approvalParams(created.id, release.approval))
      const exec: Exec = (text, params) => tx.query(text, params)
      const table = await createStaging(exec, created.id)
      let seq = 0
      const touched = new Set<string>()
      const sink: RowSink = {
        write: (rows) => sink.writeBatch(ObservationBatch.of(rows)),
        async writeBatch(b) {
          noteIndicators(touched, b)
          const n = b.length
          if (n === 0) return
          const seqs = new Array<number>(n)
          for (let i = 0; i < n; i++) seqs[i] = seq + i
          seq += n
          await tx.query(
            `INSERT INTO ${table} (${INSERT_COLUMNS})
             SELECT ${created.id}, * FROM unnest($1::text[], $2::text[], $3::int[], $4::float8[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[])`,
            [
              b.region.slice(0, n),
              b.indicator.slice(0, n),
              Array.from(b.period.subarray(0, n)),
              Array.from(b.value.subarray(0, n)),
              b.unit.slice(0, n),
              b.source.slice(0, n),
              b.note.slice(0, n),
              b.vintage.slice(0, n),
              seqs,
            ],
          )
        },
      }
      const result = await produce(sink)
      const duplicates =
        result.duplicatesPossible === false
          ? []
          : (await tx.query<{ seq: number; first_seq: number }>(duplicatesSql(table), [created.id])).rows.map(
              (d) => ({ seq: Number(d.seq), firstSeq: Number(d.first_seq) }),
            )
      outcome = { rows: seq, duplicates }
      if (!result.commit || duplicates.length > 0) throw new Rollback()
      await finishStaging(exec, table, created.id, seq, partitionRows)
      await refreshRollups(dbInTransaction({ kind: 'pglite', tx }), touched)
      outcome.release = { ...created, rowCount: seq }
    })
  } catch (e) {
    if (!(e instanceof Rollback)) throw e
  }
  return outcome
}

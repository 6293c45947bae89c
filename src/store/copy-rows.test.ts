/**
 * The binary COPY rows, read back by a real PostgreSQL server: what goes in comes out, texts
 * with tabs, backslashes, line breaks and Chinese characters, nulls, negative and tiny doubles.
 */
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { ObservationInput } from '../statistics/observation.ts'
import { createDatabase } from '../testing/postgres.ts'
import { COPY_COLUMNS, CopyEncoder, copyHeader, copyTrailer, rowId } from './copy-rows.ts'
import { ObservationBatch } from './observation-batch.ts'

describe('binary COPY rows', () => {
  let client: pg.Client
  beforeAll(async () => {
    client = new pg.Client({
      connectionString: await createDatabase(inject('pgUrl'), `copy_rows_${process.pid}`),
    })
    await client.connect()
    await client.query(`CREATE TABLE t (id bigint, release_id int, region_code text, indicator_key text, period int,
      value double precision, unit text, source text, note text, vintage text, seq int)`)
  })
  afterAll(async () => client?.end())

  it('are read back by PostgreSQL as they were written, over batches that outgrow the buffer', async () => {
    const rows: ObservationInput[] = [
      {
        region: '42',
        indicator: 'gdp',
        period: 2020,
        value: 1.5,
        unit: '亿元',
        source: 'a\tb',
        note: '',
        vintage: null,
      },
      {
        region: '42',
        indicator: 'gdp',
        period: 2021,
        value: -0.25,
        unit: '亿元',
        source: 'a\tb',
        note: 'x\\y\nz',
        vintage: 'revised',
      },
      {
        region: '430100',
        indicator: 'pop',
        period: 1949,
        value: 5e-324,
        unit: '万人',
        source: '',
        note: '"q"',
        vintage: null,
      },
      {
        region: '43',
        indicator: 'pop',
        period: 2100,
        value: 1.7976931348623157e308,
        unit: '万人',
        source: 's',
        note: '',
        vintage: 'final',
      },
    ]
    // a batch of 40,000 rows (≈ 3 MB) outgrows the encoder's first 1 MB buffer
    const big = new ObservationBatch(1)
    for (let i = 0; i < 40_000; i++) big.push({ ...rows[i % 4]!, period: 1949 + (i % 150), value: i / 7 })
    const enc = new CopyEncoder()
    const copy = client.query(copyFrom(`COPY t (${COPY_COLUMNS}) FROM STDIN WITH (FORMAT binary)`))
    const done = new Promise((resolve, reject) => copy.on('finish', resolve).on('error', reject))
    copy.write(copyHeader())
    copy.write(enc.encode(7, ObservationBatch.of(rows), 10))
    copy.write(enc.encode(7, big, 14))
    copy.end(copyTrailer())
    await done
    const got = await client.query('SELECT * FROM t ORDER BY seq')
    expect(got.rows.length).toBe(40_004)
    expect(got.rows.slice(0, 4)).toEqual(
      rows.map((r, i) => ({
        id: String(rowId(7, 10 + i)),
        release_id: 7,
        region_code: r.region,
        indicator_key: r.indicator,
        period: r.period,
        value: r.value,
        unit: r.unit,
        source: r.source,
        note: r.note,
        vintage: r.vintage,
        seq: 10 + i,
      })),
    )
    const last = got.rows[40_003]
    expect(rowId(7, 10)).toBe(30_064_771_082)
    expect([last.seq, last.value, last.period, last.unit]).toEqual([
      14 + 39_999,
      39_999 / 7,
      1949 + (39_999 % 150),
      '万人',
    ])
  })
})

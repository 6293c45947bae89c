/** Plan versions on both back ends: built-in plans load, published versions are frozen, edits are new versions. */
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BUILTIN_PLAN_FILES, loadBuiltinPlans } from '../importer/seed.ts'
import { findNode, walk } from '../plans/model.ts'
import { BACKENDS, openTestStore } from '../testing/backends.ts'
import { dbError } from '../testing/db-error.ts'
import type { Store } from './db.ts'
import {
  getPlanVersion,
  insertPlanVersion,
  listPlans,
  listPlanVersions,
  publishPlanVersion,
} from './plans.ts'

describe.each(BACKENDS)('plans on %s', (backend) => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore(backend)
    for (const p of await loadBuiltinPlans())
      await insertPlanVersion(store.db, { ...p, state: 'published', builtin: true })
  })
  afterAll(async () => store?.close())

  it('stores every built-in plan with its whole tree', async () => {
    const plans = await listPlans(store.db)
    expect(plans.map((p) => p.planId).sort()).toEqual(['C21', 'H19', 'S24'])
    expect(plans).toHaveLength(BUILTIN_PLAN_FILES.length)
    const c21 = await getPlanVersion(store.db, 'C21')
    const rd = findNode(c21!.tree, 'C21-1-2-G1')
    expect(rd?.targets[0]).toMatchObject({
      indicator: 'rd_intensity',
      target: { form: 'reference', reference: 'CN' },
    })
    expect(rd?.targets[0]?.regions).toHaveLength(6)
    // every node of the shipped file survives the round trip
    const nodes = [...walk(c21!.tree)].length
    expect(nodes).toBeGreaterThan(50)
  })

  it('refuses to change or delete a published version, even by direct SQL', async () => {
    const v = await getPlanVersion(store.db, 'H19')
    expect(
      await dbError(
        store.db.execute(
          sql`update plan_versions set note = 'x' where plan_id = 'H19' and version = ${v!.version}`,
        ),
      ),
    ).toMatch(/published and cannot be changed/)
    expect(await dbError(store.db.execute(sql`delete from plan_versions where plan_id = 'H19'`))).toMatch(
      /cannot be changed/,
    )
    expect((await getPlanVersion(store.db, 'H19'))!.note).toBe(v!.note)
  })

  it('an edit is a new draft version; publishing it keeps the earlier version readable', async () => {
    const v1 = await getPlanVersion(store.db, 'S24')
    const tree = { ...v1!.tree, title_en: `${v1!.tree.title_en} (edited)` }
    const draft = await insertPlanVersion(store.db, {
      meta: { id: 'S24', level: 'symposium', region: 'CENTRAL', issuer: '', date: null },
      tree,
      state: 'draft',
    })
    expect(draft.version).toBe(v1!.version + 1)
    expect((await getPlanVersion(store.db, 'S24'))!.version).toBe(v1!.version)
    await publishPlanVersion(store.db, 'S24', draft.version)
    expect((await getPlanVersion(store.db, 'S24'))!.tree.title_en).toMatch(/\(edited\)$/)
    expect((await getPlanVersion(store.db, 'S24', v1!.version))!.tree.title_en).not.toMatch(/edited/)
    expect((await listPlanVersions(store.db, 'S24')).map((r) => r.state)).toEqual(['published', 'published'])
    // publishing twice is refused (the row is no longer a draft)
    expect(await publishPlanVersion(store.db, 'S24', draft.version)).toBeUndefined()
  })
})

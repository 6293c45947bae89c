/** Editing plans through the API: new draft versions, validation naming the node, stale edits, permissions, publishing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedStore } from '../../importer/seed.ts'
import type { PlanNode } from '../../plans/model.ts'
import { queryAudit } from '../../store/audit.ts'
import type { Store } from '../../store/db.ts'
import { openTestStore } from '../../testing/backends.ts'
import { type Client, client, grant, signedIn } from '../../testing/http-client.ts'
import { createApp } from '../app.ts'

let store: Store
let app: ReturnType<typeof createApp>
const u: Record<string, Client> = {}

beforeAll(async () => {
  store = await openTestStore('pglite')
  await seedStore(store)
  app = createApp({ store })
  u.hubei = await signedIn(app, store.db, 'hubei.officer', [grant('provincial_officer', '42')])
  u.henan = await signedIn(app, store.db, 'henan.officer', [grant('provincial_officer', '41')])
  u.planner = await signedIn(app, store.db, 'planner', [grant('national_planner', 'CN')])
})
afterAll(async () => store?.close())

const tree = async (c: Client, id: string) =>
  (await c.json<{ version: number; state: string; tree: PlanNode }>(`/api/plans/${id}?draft=true`)).body

describe('plan editing', () => {
  it('a Hubei officer renames and moves items of the Hubei plan: a new draft, not public, audited', async () => {
    const { version, tree: t } = await tree(u.hubei!, 'H19')
    const part = t.children[1]!
    part.title_zh = `${part.title_zh}（修订）`
    part.children.reverse() // move: reorder the items
    const r = await u.hubei!.json<{ version: number; changed: string[] }>('/api/plans/H19/drafts', {
      basedOn: version,
      tree: t,
      note: 'rename and reorder',
    })
    expect(r.status).toBe(201)
    expect(r.body.version).toBe(version + 1)
    expect(r.body.changed).toContain(part.id)
    // the public still sees the published version
    const pub = await client(app).json<{ version: number; tree: PlanNode }>('/api/plans/H19')
    expect(pub.body.version).toBe(version)
    expect((await client(app).json('/api/plans/H19?draft=true')).body).toMatchObject({ version })
    const audit = await queryAudit(store.db, { objectType: 'plan', objectId: 'H19' })
    expect(audit.at(-1)).toMatchObject({ action: 'plan.edited', actor: 'hubei.officer' })
  })

  it('refuses another province, a stale version, an unknown indicator and a link to a missing national node, naming them', async () => {
    const { version, tree: t } = await tree(u.hubei!, 'H19')
    expect((await u.henan!.json('/api/plans/H19/drafts', { basedOn: version, tree: t })).status).toBe(403)
    expect((await u.hubei!.json('/api/plans/H19/drafts', { basedOn: version - 1, tree: t })).status).toBe(409)
    const node = t.children[1]!.children[0]!
    node.targets.push({
      id: 'X#0',
      indicator: 'no_such_indicator',
      regions: ['42'],
      deadline: 2025,
      binding: null,
      text: '',
      proposal: false,
      target: { form: 'level', op: '>=', value: 1 },
    })
    node.related_national.push('C21-99-99')
    const bad = await u.hubei!.json<{ error: { message: string } }>('/api/plans/H19/drafts', {
      basedOn: version,
      tree: t,
    })
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toContain(
      `node ${node.id}, target X#0: unknown indicator "no_such_indicator"`,
    )
    expect(bad.body.error.message).toContain('linked national node "C21-99-99" does not exist')
  })

  it('publishing makes the draft the current plan; the earlier version stays readable (undo by editing from it)', async () => {
    const { version } = await tree(u.hubei!, 'H19')
    expect((await u.henan!.json('/api/plans/H19/publish', { version })).status).toBe(403)
    expect((await u.hubei!.json('/api/plans/H19/publish', { version })).status).toBe(200)
    // published versions are frozen: publishing again is refused (wrong state)
    expect((await u.hubei!.json('/api/plans/H19/publish', { version })).status).toBe(403)
    const now = await client(app).json<{ version: number; tree: PlanNode }>('/api/plans/H19')
    expect(now.body.version).toBe(version)
    expect(now.body.tree.children[1]!.title_zh).toMatch(/（修订）$/)
    const before = await client(app).json<{ tree: PlanNode }>(`/api/plans/H19?version=${version - 1}`)
    expect(before.body.tree.children[1]!.title_zh).not.toMatch(/修订/)
  })

  it('the national plan is edited by national planners only', async () => {
    const { version, tree: t } = await tree(u.planner!, 'C21')
    expect((await u.hubei!.json('/api/plans/C21/drafts', { basedOn: version, tree: t })).status).toBe(403)
    expect((await u.planner!.json('/api/plans/C21/drafts', { basedOn: version, tree: t })).status).toBe(201)
  })
})

/**
 * The roles table says what the permission function decides: each ✓ cell's role passes `can` for
 * some object, each "—" cell's role for none; README.md carries the generated English table; every
 * label exists in both languages (no raw key on the page).
 */
import { readFileSync } from 'node:fs'
import { createInstance } from 'i18next'
import { describe, expect, it } from 'vitest'
import { roleMatrix } from '../supervision/role-matrix.ts'
import { en } from './i18n/en.ts'
import { zhCN } from './i18n/zh-CN.ts'
import { englishRolesMarkdown } from './roles-readme.ts'
import { readmeRolesTable, rolesTable, tableCells } from './roles-table.ts'

describe('roles table', () => {
  it('README.md carries the table the rules give (run `npm run docs:roles` after changing them)', async () => {
    const readme = readmeRolesTable(readFileSync('README.md', 'utf8'))
    const cells = tableCells(readme)
    expect(cells).toEqual(tableCells(await englishRolesMarkdown()))
    expect(cells.length).toBe(roleMatrix().length + 2)
  })

  it('says that administrators manage accounts and national planners, not administrators, create tasks', () => {
    const create = roleMatrix().find((r) => r.action === 'task.create')!
    expect(create.cells.admin).toEqual([])
    expect(create.cells.national_planner).toHaveLength(1)
    const manage = roleMatrix().find((r) => r.action === 'user.manage')!
    expect(
      Object.entries(manage.cells)
        .filter(([, c]) => c.length)
        .map(([r]) => r),
    ).toEqual(['admin'])
  })

  for (const lng of ['zh-CN', 'en'] as const)
    it(`has every label in ${lng}`, async () => {
      const i18n = createInstance()
      await i18n.init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng })
      const missing: string[] = []
      const t = (key: string) => {
        if (!i18n.exists(key, { fallbackLng: false })) missing.push(key)
        return i18n.t(key)
      }
      const table = rolesTable(t)
      expect(missing).toEqual([])
      expect(table.rows).toHaveLength(roleMatrix().length)
      const admin = table.roles.findIndex((r) => r.role === 'admin')
      const row = table.rows.find((r) => r.action === 'user.manage')!
      expect(row.cells[admin]).toBe(
        lng === 'en' ? 'in their regions, not their own account' : '本人辖区内，不含本人账户',
      )
    })
})

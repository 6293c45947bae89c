/** Writes the roles table into README.md from the permission rules (`npm run docs:roles`). */
import { readFileSync, writeFileSync } from 'node:fs'
import { englishRolesMarkdown } from '../src/web/roles-readme.ts'
import { withRolesTable } from '../src/web/roles-table.ts'

const path = new URL('../README.md', import.meta.url)
writeFileSync(path, withRolesTable(readFileSync(path, 'utf8'), await englishRolesMarkdown()))
console.log('wrote the roles table in README.md')

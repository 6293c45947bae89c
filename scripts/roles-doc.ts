/** Writes the roles table into README.md from the permission rules (`npm run docs:roles`). */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { englishRolesMarkdown } from '../src/web/roles-readme.ts'
import { withRolesTable } from '../src/web/roles-table.ts'

const path = new URL('../README.md', import.meta.url)
writeFileSync(path, withRolesTable(readFileSync(path, 'utf8'), await englishRolesMarkdown()))
// Biome aligns the table's columns, as `npm run lint` expects them
execFileSync(fileURLToPath(new URL('../node_modules/.bin/biome', import.meta.url)), [
  'format',
  '--write',
  'README.md',
])
console.log('wrote the roles table in README.md')

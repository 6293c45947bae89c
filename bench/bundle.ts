/** Size of what the browser downloads for the overview page: the entry chunk and its static imports, gzipped. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { fmt } from './machine.ts'

export function bundleFigures(root = 'dist/web'): string[] {
  const html = readFileSync(join(root, 'index.html'), 'utf8')
  const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!)
  const all = readdirSync(join(root, 'assets')).map((f) => `assets/${f}`)
  const gz = (f: string) => gzipSync(readFileSync(join(root, f))).length
  const initialKb = initial.reduce((s, f) => s + gz(f), 0) / 1024
  const allKb = all.filter((f) => f.endsWith('.js')).reduce((s, f) => s + gz(f), 0) / 1024
  return [
    `web overview bundle: ${fmt(initialKb, 0)} KB JS+CSS gzip loaded by index.html (goal ≤400 KB); all chunks together ${fmt(allKb, 0)} KB`,
  ]
}

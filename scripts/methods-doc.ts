/** Writes docs/methods.md from the method commands (`npm run docs:methods`). */
import { writeFileSync } from 'node:fs'
import { methodsMarkdown } from '../src/cli/method/docs.ts'

writeFileSync(new URL('../docs/methods.md', import.meta.url), methodsMarkdown())
console.log('wrote docs/methods.md')

import { describe, expect, it } from 'vitest'
import { compileKernels } from '../../../scripts/build-kernels.ts'
import { KERNELS_WASM_BASE64 } from './wasm.generated.ts'

describe('the committed kernel module', () => {
  it('is what the AssemblyScript sources compile to (run npm run build:kernels after editing them)', async () => {
    const wasm = await compileKernels()
    expect(Buffer.from(wasm).toString('base64')).toBe(KERNELS_WASM_BASE64)
  }, 60_000)
})

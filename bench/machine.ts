import { cpus, totalmem } from 'node:os'

export function machineHeader(extra: Record<string, string> = {}): string {
  const lines = [
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `node ${process.version}`,
    ...Object.entries(extra).map(([k, v]) => `${k}: ${v}`),
  ]
  return lines.join('\n')
}

export async function timed<T>(f: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const t = performance.now()
  const value = await f()
  return { value, seconds: (performance.now() - t) / 1000 }
}

export const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits })

/**
 * Load on loopback with wrk (Debian's `wrk`, installed with apt when missing, as the tests install
 * PostgreSQL). wrk counts a response's bytes without reading them as text; autocannon 9, used
 * before, appends every body chunk to a JS string (`req.body += data`), which for brotli or
 * gzip bytes ran at about 35 MB/s on this machine — the load generator, not the server, set the
 * figure (plain Node HTTP serving 513 KB of random bytes: autocannon 68 req/s, wrk 4,295 req/s).
 */
import { execFile, spawnSync } from 'node:child_process'
import { promisify } from 'node:util'

const execFileAsync = promisify(execFile)

export function ensureWrk(): void {
  if (spawnSync('wrk', ['-v']).error === undefined) return
  if (process.getuid?.() !== 0)
    throw new Error('wrk is not installed and this is not root: apt-get install wrk')
  for (const args of [
    ['update', '-q'],
    ['install', '-y', '-q', 'wrk'],
  ]) {
    const r = spawnSync('apt-get', args, { encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed: ${r.stderr || r.stdout}`)
  }
}

export interface LoadResult {
  rps: number
  p50: number
  p99: number
  /** bytes a second, headers included */
  bytes: number
  /** responses other than 2xx/3xx, and socket errors */
  errors: number
}

/** milliseconds of a wrk duration such as 812.00us, 4.21ms or 1.02s */
export function wrkMs(text: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(text)
  if (!m) throw new Error(`wrk duration "${text}"`)
  const scale = { us: 1e-3, ms: 1, s: 1e3, m: 60e3 }[m[2] as 'us' | 'ms' | 's' | 'm']
  return Number(m[1]) * scale
}

/** bytes of a wrk size such as 512.00B, 3.10KB, 1.72GB (powers of 1,024) */
export function wrkBytes(text: string): number {
  const m = /^([\d.]+)(B|KB|MB|GB|TB)$/.exec(text)
  if (!m) throw new Error(`wrk size "${text}"`)
  return Number(m[1]) * 1024 ** ['B', 'KB', 'MB', 'GB', 'TB'].indexOf(m[2]!)
}

/** Read wrk's --latency report. */
export function parseWrk(out: string): LoadResult {
  const field = (re: RegExp) => {
    const m = re.exec(out)
    if (!m) throw new Error(`wrk output without ${re}: ${out}`)
    return m[1]!
  }
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out)
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out)
  return {
    rps: Number(field(/Requests\/sec:\s+([\d.]+)/)),
    p50: wrkMs(field(/^\s+50%\s+(\S+)\s*$/m)),
    p99: wrkMs(field(/^\s+99%\s+(\S+)\s*$/m)),
    bytes: wrkBytes(field(/Transfer\/sec:\s+(\S+)/)),
    errors:
      (non2xx ? Number(non2xx[1]) : 0) + (socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0),
  }
}

/** `connections` keep-alive connections over two threads for `seconds`, with these headers. */
export async function wrk(
  url: string,
  connections: number,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<LoadResult> {
  const args = ['-t2', `-c${connections}`, `-d${seconds}s`, '--timeout', '10s', '--latency']
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}: ${v}`)
  const { stdout } = await execFileAsync('wrk', [...args, url], { maxBuffer: 1 << 20 })
  return parseWrk(stdout)
}

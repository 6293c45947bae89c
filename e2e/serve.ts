/** `jueqi serve` as a user starts it, on a given data folder: waits for its URL and keeps its output. */
import { type ChildProcess, spawn } from 'node:child_process'
import { freePort } from '../src/testing/postgres.ts'

export interface Served {
  url: string
  /** everything the server printed so far (stdout and stderr) */
  output: () => string
  /** SIGTERM, resolved when the process has exited (the store is closed) */
  stop: () => Promise<void>
}

export async function startServe(dataDir: string, timeoutMs = 150_000): Promise<Served> {
  const port = await freePort()
  const child: ChildProcess = spawn(
    process.execPath,
    ['bin/jueqi.mjs', 'serve', '--port', String(port), '--data-dir', dataDir],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DATABASE_URL: '' } },
  )
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`jueqi serve did not start:\n${output}`)), timeoutMs)
    const onData = (b: Buffer) => {
      output += b.toString()
      const m = /running at (http:\/\/\S+?)\/?\s/.exec(output)
      if (m) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', (code) => reject(new Error(`jueqi serve exited (${code}):\n${output.slice(-2000)}`)))
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    return exited
  }
  return { url, output: () => output, stop }
}

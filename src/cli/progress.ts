import cliProgress from 'cli-progress'

/** A progress bar on stderr for long work (more than `threshold` units); silent for small jobs and non-TTY CI logs print a final line. */
export function progressBar(label: string, total: number, threshold = 2_000) {
  if (total <= threshold) return { update: (_n: number) => {}, stop: () => {} }
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total}`,
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 2000,
    },
    cliProgress.Presets.shades_classic,
  )
  bar.start(total, 0)
  return { update: (n: number) => bar.update(n), stop: () => bar.stop() }
}

import { useEffect, useState } from 'react'

/**
 * Load again whenever `key` changes (callers pass what the load depends on, e.g. its parameters);
 * the page shows a spinner, the data, or the error message.
 */
export function useLoad<T>(
  load: () => Promise<T>,
  key: unknown,
): { data?: T; error?: string; loading: boolean } {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true })
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for everything `load` reads
  useEffect(() => {
    let alive = true
    setState((s) => ({ ...s, loading: true }))
    load().then(
      (data) => alive && setState({ data, loading: false }),
      (e: Error) => alive && setState({ error: e.message, loading: false }),
    )
    return () => {
      alive = false
    }
  }, [JSON.stringify(key)])
  return state
}

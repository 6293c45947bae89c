/**
 * Who is signed in, and the CSRF token every write sends. One provider at the top of the app;
 * pages read it with useSession() and write through `send`.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react'

export interface SessionUser {
  id: number
  username: string
  displayName: string
  grants: { role: string; regionCode: string; parkId: string | null }[]
}

interface Session {
  user: SessionUser | null
  csrf: string
  ready: boolean
  refresh: () => Promise<void>
  /** a write: JSON body or FormData, with the CSRF header; throws the API's message on error */
  send: <T>(path: string, body: unknown, method?: string) => Promise<T>
}

const Ctx = createContext<Session | null>(null)

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ user: SessionUser | null; csrf: string; ready: boolean }>({
    user: null,
    csrf: '',
    ready: false,
  })
  const refresh = useCallback(async () => {
    const r = (await (await fetch('/api/auth/session')).json()) as {
      user: SessionUser | null
      csrfToken: string
    }
    setState({ user: r.user, csrf: r.csrfToken, ready: true })
  }, [])
  useEffect(() => {
    void refresh()
  }, [refresh])
  const send = useCallback(
    async <T,>(path: string, body: unknown, method = 'POST'): Promise<T> => {
      const form = body instanceof FormData
      const res = await fetch(path, {
        method,
        headers: { 'x-csrf-token': state.csrf, ...(form ? {} : { 'content-type': 'application/json' }) },
        body: form ? body : JSON.stringify(body),
      })
      const json = (await res.json().catch(() => null)) as (T & { error?: { message: string } }) | null
      if (!res.ok) throw new Error(json?.error?.message ?? `${res.status} ${res.statusText}`)
      return json as T
    },
    [state.csrf],
  )
  return <Ctx.Provider value={{ ...state, refresh, send }}>{children}</Ctx.Provider>
}

export function useSession(): Session {
  const s = useContext(Ctx)
  if (!s) throw new Error('useSession outside SessionProvider')
  return s
}

export const hasRole = (u: SessionUser | null, role: string) => !!u?.grants.some((g) => g.role === role)

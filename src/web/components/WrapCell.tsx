import type { ReactNode } from 'react'

/**
 * A table cell's content that wraps instead of being cut off: a fixed width (so a long URL or JSON
 * line cannot widen its column without end) and breaks anywhere when a word is longer than that.
 */
export function WrapCell({ width, children }: { width: number; children: ReactNode }) {
  return (
    <div style={{ width, maxWidth: '100%', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {children}
    </div>
  )
}

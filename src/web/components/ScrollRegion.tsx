import type { ReactNode } from 'react'

/**
 * A wide table's horizontal scroller that a keyboard can reach: a named region one can Tab to and
 * scroll with the arrow keys. Ant's own table `scroll` makes an unnamed scroller no key can reach,
 * and copies the header into a hidden measuring row, links and all.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable (WCAG 2.1.1)
    <section aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      {children}
    </section>
  )
}

import { cloneElement, type ReactElement } from 'react'

export interface NavItem {
  /** the first path segment the item stands for, e.g. /plans */
  key: string
  /** the link, e.g. <Link to="/plans">…</Link> */
  label: ReactElement<{ 'aria-current'?: 'page' }>
}

/**
 * The main navigation: a list of links in a <nav> landmark, all of them always shown (a narrow window
 * wraps them onto a second line rather than hiding some behind "···"); the current section's link
 * carries aria-current="page".
 */
export function MainNav({ items, selected, label }: { items: NavItem[]; selected: string; label: string }) {
  return (
    <nav aria-label={label} className="jueqi-nav" data-testid="main-nav">
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            {cloneElement(item.label, item.key === selected ? { 'aria-current': 'page' } : {})}
          </li>
        ))}
      </ul>
    </nav>
  )
}

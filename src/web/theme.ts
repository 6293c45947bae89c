import type { ThemeConfig } from 'antd'

/**
 * The Ant Design theme, with every text colour at WCAG AA contrast (4.5:1 for normal text) on the
 * backgrounds it is drawn on. Ant's defaults fall short: secondary texts (rgba(0,0,0,.45), 3.4:1),
 * placeholders and empty texts (.25, 1.8:1), links (#1677ff, 4.1:1), the status colours and the
 * orange, gold, green, cyan… tags (their shade 7 on shade 1, 2.5–3.4:1). Ratios measured by axe-core.
 */
/**
 * Tags of a preset colour write shade 7 on shade 1: darker shades where 7 falls short (5–6.6:1). Ant
 * names each shade twice (orange7, orange-7) and both become one CSS variable, so both are given.
 */
function shade7(colours: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(colours).flatMap(([c, v]) => [
      [`${c}7`, v],
      [`${c}-7`, v],
    ]),
  )
}

export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#b5312c', // white on it: 6.1:1
    colorLink: '#0958d9', // 5.5:1 on white, 5.9:1 on the table header's #fafafa
    // secondary texts and descriptions (#666 on white: 5.7:1)
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    // placeholders, empty tables and lists, disabled texts (#6b6b6b: 5.3:1 on white, 4.9:1 on #f5f5f5)
    colorTextQuaternary: 'rgba(0, 0, 0, 0.58)',
    // status colours, used as text by status tags: the palettes' shade 8 or darker
    colorSuccess: '#237804',
    colorWarning: '#ad6800',
    colorError: '#cf1322',
    colorInfo: '#0958d9',
    ...shade7({
      volcano: '#ad2102',
      orange: '#ad4e00',
      gold: '#874d00',
      yellow: '#876800',
      lime: '#3f6600',
      green: '#237804',
      cyan: '#006d75',
    }),
  },
}

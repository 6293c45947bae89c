/**
 * The report's HTML printed to PDF by Chromium (playwright-core page.pdf): A4, a running header
 * with the title, page numbers in the footer, CJK fonts from the system (embedded by Chromium).
 * One browser per call; a caller printing several may pass its own.
 */
import { type Browser, chromium } from 'playwright-core'
import { escapeHtml } from './html.ts'

/** Debian's Chromium, headless, with the background networking this closed machine refuses switched off. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--headless=new',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

const FONT = 'font-family:"Noto Sans CJK SC",sans-serif;font-size:8px;color:#555;width:100%;padding:0 15mm'

export async function htmlToPdf(html: string, title: string, browser?: Browser): Promise<Buffer> {
  const own = browser ? null : await launchChromium()
  try {
    const page = await (browser ?? own!).newPage()
    await page.setContent(html, { waitUntil: 'load' })
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: `<div style='${FONT}'>${escapeHtml(title)}</div>`,
      footerTemplate: `<div style='${FONT};text-align:center'><span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
      margin: { top: '18mm', bottom: '16mm', left: '15mm', right: '15mm' },
    })
    await page.close()
    return pdf
  } finally {
    await own?.close()
  }
}

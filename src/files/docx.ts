/**
 * The text of a .docx (a zip whose word/document.xml holds the paragraphs): one line per
 * paragraph, tabs and line breaks kept, XML entities decoded. Uses jszip (already a dependency of
 * ExcelJS). A file that is not a Word document is an error naming it.
 */
import JSZip from 'jszip'

export async function docxText(bytes: Uint8Array, file: string): Promise<string> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  } catch {
    throw new Error(`${file}: not a .docx file (not a zip archive)`)
  }
  const doc = zip.file('word/document.xml')
  if (!doc) throw new Error(`${file}: not a Word document (no word/document.xml)`)
  const xml = await doc.async('string')
  const paragraphs = xml.split(/<\/w:p>/)
  return paragraphs
    .map((p) =>
      p
        .replace(/<w:tab\/>/g, '\t')
        .replace(/<w:br\/>/g, '\n')
        .replace(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g, '\u0000$1\u0000')
        .split('\u0000')
        .filter((_, i) => i % 2 === 1)
        .join(''),
    )
    .map((t) =>
      t
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&'),
    )
    .filter((t) => t.trim() !== '')
    .join('\n')
}

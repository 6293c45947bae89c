/** Reading paragraphs from a real (minimal) .docx built with jszip. */
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { docxText } from './docx.ts'

async function docx(paragraphs: string[]): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  )
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join('')
  zip.file(
    'word/document.xml',
    `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  )
  return zip.generateAsync({ type: 'uint8array' })
}

describe('docxText', () => {
  it('returns one line per paragraph with entities decoded', async () => {
    const text = await docxText(
      await docx(['一、总体要求', '（一）指导思想 &amp; 原则', 'R&amp;D &lt;2.5%']),
      'a.docx',
    )
    expect(text.split('\n')).toEqual(['一、总体要求', '（一）指导思想 & 原则', 'R&D <2.5%'])
  })

  it('names a file that is not a Word document', async () => {
    await expect(docxText(new TextEncoder().encode('plain text'), 'x.docx')).rejects.toThrow(
      'x.docx: not a .docx file',
    )
  })
})

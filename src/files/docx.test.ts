/**
 * Reading real (minimal) .docx files built with jszip: the parts Word needs ([Content_Types].xml,
 * _rels/.rels, word/document.xml, word/_rels/document.xml.rels, and numbering/styles where the test
 * is about automatic numbering), read back as text and parsed as a policy document.
 */
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { parsePolicyText } from '../plans/parse/index.ts'
import { docxText } from './docx.ts'

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

async function docx(body: string, parts: { numbering?: string; styles?: string } = {}): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  )
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  )
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`,
  )
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`,
  )
  if (parts.numbering)
    zip.file(
      'word/numbering.xml',
      `<?xml version="1.0"?><w:numbering xmlns:w="${W}">${parts.numbering}</w:numbering>`,
    )
  if (parts.styles)
    zip.file('word/styles.xml', `<?xml version="1.0"?><w:styles xmlns:w="${W}">${parts.styles}</w:styles>`)
  return zip.generateAsync({ type: 'uint8array' })
}

const para = (text: string, pPr = '') =>
  `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`
const numPr = (numId: number, ilvl: number) =>
  `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`

describe('docxText', () => {
  it('returns one line per paragraph, runs joined, entities decoded, deleted text and empty paragraphs left out', async () => {
    const body = [
      para('一、总体要求'),
      '<w:p/>',
      '<w:p><w:r><w:t>（一）指导思想 </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>&amp; 原则</w:t></w:r><w:del><w:r><w:delText>删去</w:delText></w:r></w:del></w:p>',
      para('R&amp;D &lt;2.5% &#x4E2D;&#37096;'),
      '<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r></w:p>',
    ].join('')
    const text = await docxText(await docx(body), 'a.docx')
    expect(text.split('\n')).toEqual([
      '一、总体要求',
      '（一）指导思想 & 原则',
      'R&D <2.5% 中部',
      '甲\t乙',
      '丙',
    ])
  })

  it('rebuilds Word automatic numbering (direct and through a heading style), so the parser sees the numbers', async () => {
    const numbering =
      '<w:abstractNum w:abstractNumId="0">' +
      '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>' +
      '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>' +
      '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>' +
      '</w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>'
    const styles =
      '<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>'
    const body = [
      para('关于推动高质量发展的意见'),
      para('总体要求', '<w:pStyle w:val="Heading1"/>'),
      para('指导思想。坚持新发展理念。', numPr(5, 1)),
      para('主要目标。到2025年，研发经费投入强度达到全国平均水平。', numPr(5, 1)),
      para('重点任务', '<w:pStyle w:val="Heading1"/>'),
      para('产业体系', numPr(5, 1)),
      para('先进制造业', numPr(5, 2)),
      para('战略性新兴产业', numPr(5, 2)),
    ].join('')
    const text = await docxText(await docx(body, { numbering, styles }), 'n.docx')
    expect(text.split('\n')).toEqual([
      '关于推动高质量发展的意见',
      '一、总体要求',
      '（一）指导思想。坚持新发展理念。',
      '（二）主要目标。到2025年，研发经费投入强度达到全国平均水平。',
      '二、重点任务',
      '（一）产业体系',
      '1.先进制造业',
      '2.战略性新兴产业',
    ])
    const draft = parsePolicyText(text, { lang: 'zh', fileName: 'n.docx', planId: 'N' })
    expect(draft.nodeCount).toBe(7)
    expect(draft.tree.children.map((c) => c.id)).toEqual(['N-1', 'N-2'])
    expect(draft.proposals).toEqual([
      expect.objectContaining({ nodeId: 'N-1-2', form: 'reference', deadline: 2025 }),
    ])
  })

  it('names a file that is not a Word document', async () => {
    await expect(docxText(new TextEncoder().encode('plain text'), 'x.docx')).rejects.toThrow(
      'x.docx: not a .docx file',
    )
    const zip = new JSZip()
    zip.file('a.txt', 'x')
    await expect(docxText(await zip.generateAsync({ type: 'uint8array' }), 'y.docx')).rejects.toThrow(
      'y.docx: not a Word document (no word/document.xml)',
    )
  })
})

/**
 * The report as a Word document (the `docx` library): real Word headings (Heading 1/2, so Word and
 * WPS build a navigation pane and a table of contents from them), real tables with a header row
 * repeated on each page, the cover lines, a running header and page numbers. No browser needed.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import { MESSAGES } from '../catalogue.ts'
import type { Block, ReportDoc } from '../model.ts'

const FONT = { ascii: 'Calibri', hAnsi: 'Calibri', eastAsia: '宋体' }

const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18 })] })] })

function block(b: Block): (Paragraph | Table)[] {
  if (b.kind === 'paragraph')
    return [new Paragraph({ children: [new TextRun(b.text)], spacing: { after: 120 } })]
  const header = new TableRow({ tableHeader: true, children: b.columns.map((c) => cell(c, true)) })
  const rows = b.rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))
  return [
    new Paragraph({ children: [new TextRun({ text: b.caption, bold: true })], spacing: { before: 120 } }),
    new Table({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } }),
  ]
}

export async function renderDocx(doc: ReportDoc, generatedOn: string, hash: string): Promise<Buffer> {
  const m = MESSAGES[doc.lang]
  const cover = [
    { label: m.coverDate, value: generatedOn },
    ...doc.cover,
    { label: m.coverHash, value: hash },
  ]
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: doc.subtitle }),
    ...cover.map(
      (l) =>
        new Paragraph({
          children: [
            new TextRun({ text: `${l.label}：`.replace('：', doc.lang === 'zh' ? '：' : ': '), bold: true }),
            new TextRun(l.value),
          ],
        }),
    ),
  ]
  doc.sections.forEach((s, i) => {
    children.push(
      new Paragraph({
        text: `${i + 1}. ${s.title}`,
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: i === 0,
      }),
    )
    for (const b of s.blocks) children.push(...block(b))
  })
  const document = new Document({
    creator: 'jueqi',
    title: doc.title,
    styles: { default: { document: { run: { font: FONT, size: 21 } } } },
    sections: [
      {
        headers: {
          default: new Header({
            children: [new Paragraph({ children: [new TextRun({ text: doc.title, size: 16 })] })],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: 16 })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  })
  return Packer.toBuffer(document)
}

/**
 * A report as a document tree, independent of its format: the HTML, PDF and DOCX renderers
 * (src/reports/render/) walk the same tree, so every format carries the same figures and words.
 * Every string in it is already in the report's language.
 */
export type Lang = 'zh' | 'en'

export interface Table {
  kind: 'table'
  caption: string
  columns: string[]
  rows: string[][]
  /** relative column widths, where the natural widths would squeeze short columns (PDF/HTML) */
  widths?: number[]
}

export interface Paragraph {
  kind: 'paragraph'
  text: string
}

export type Block = Paragraph | Table

export interface Section {
  id: string
  title: string
  blocks: Block[]
}

/** What the cover states besides the title: label/value pairs (run, releases, data as of, …). */
export interface CoverLine {
  label: string
  value: string
}

export interface ReportDoc {
  lang: Lang
  title: string
  subtitle: string
  cover: CoverLine[]
  sections: Section[]
}

export const paragraph = (text: string): Paragraph => ({ kind: 'paragraph', text })

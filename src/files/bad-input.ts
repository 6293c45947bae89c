/**
 * Bad input, whatever its form (CSV, XLSX, JSON, DOCX, an option or a request field): the one
 * error type for "this input cannot be used", carrying where (file:sheet:row:column or a field)
 * and a message meant for the person who gave it. The CLI prints it without a stack and exits 2;
 * the API answers 400/422. It holds no I/O, so every layer may throw it.
 */
export class BadInput extends Error {
  constructor(
    message: string,
    /** file:sheet:row:column, a field name, or undefined when the message names the place itself */
    readonly place?: string,
  ) {
    super(place ? `${place}: ${message}` : message)
  }
}

/** How many characters of a value a message quotes before cutting it. */
export const QUOTED_CHARS = 80

/** Control characters made visible: a NUL byte shows as \0, others as \uXXXX. */
function visible(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this makes visible
  return s.replace(/[\u0000-\u001f\u007f]/g, (c) =>
    c === '\u0000' ? '\\0' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/**
 * A value as a message quotes it: control characters made visible and a long value cut to its first
 * 80 characters plus its length, so a 300 MB cell cannot become a 300 MB message.
 */
export function quoted(value: string): string {
  if (value.length <= QUOTED_CHARS) return `"${visible(value)}"`
  return `"${visible(value.slice(0, QUOTED_CHARS))}…" (${value.length.toLocaleString('en')} characters)`
}

/** The same, without the quotes: for a message taken from another program (a reader's error). */
export function excerpt(value: string): string {
  if (value.length <= QUOTED_CHARS) return visible(value)
  return `${visible(value.slice(0, QUOTED_CHARS))}… (${value.length.toLocaleString('en')} characters)`
}

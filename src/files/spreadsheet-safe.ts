/**
 * Formula injection (OWASP, "CSV Injection"): a text cell that starts with =, +, -, @, a tab or a
 * carriage return is read by Excel and WPS as a formula when a CSV is opened (`=HYPERLINK(…)`,
 * `+cmd|…`, `@SUM(…)`). Text written to CSV is neutralised by a leading apostrophe, as OWASP advises;
 * numbers are numbers and stay as they are. XLSX cells are written by ExcelJS as typed text cells,
 * which no spreadsheet evaluates, so workbooks need nothing (tested).
 */
const FORMULA_START = /^[=+\-@\t\r]/

export function csvSafeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** csv-stringify's cast for strings: every text cell goes through csvSafeText. */
export const csvSafeCast = {
  boolean: (b: boolean) => String(b),
  string: (s: string) => csvSafeText(s),
}

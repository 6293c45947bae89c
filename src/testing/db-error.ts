/** The database's own message (drizzle wraps it as the cause of "Failed query"). */
export async function dbError(p: Promise<unknown>): Promise<string> {
  try {
    await p
    return 'no error'
  } catch (e) {
    const cause = (e as { cause?: { message?: string } }).cause
    return cause?.message ?? String(e)
  }
}

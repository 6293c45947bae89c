/**
 * A use case's refusal: a message code of src/i18n/server-messages.ts with its parameters. The API
 * answers it in the request's language with the code's status; the CLI prints it and exits 1.
 */
import { type MessageCode, message } from '../i18n/server-messages.ts'

export class Refusal extends Error {
  constructor(
    readonly code: MessageCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message('en', code, params))
  }
}

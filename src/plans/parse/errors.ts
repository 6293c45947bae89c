/** A policy text that cannot be imported; the message names the file (and line where relevant). */
export class PolicyParseError extends Error {}

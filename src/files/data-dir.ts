import { fileURLToPath } from 'node:url'

/** The data the product ships (built-in dataset, indicator metadata, map, plan trees). */
export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url))

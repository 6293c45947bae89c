import { defineConfig } from 'drizzle-kit'

// Migrations are generated from src/store/schema.ts and applied at start-up by drizzle's migrator.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/store/schema.ts',
  out: './src/store/migrations',
})

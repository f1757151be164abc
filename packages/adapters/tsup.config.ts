import { defineConfig } from 'tsup';

export const entry = {
  'sqlite/index': 'src/sqlite/index.ts',
  'mongodb/index': 'src/mongodb/index.ts',
  'nodemailer/index': 'src/nodemailer/index.ts',
  'outbox/index': 'src/outbox/index.ts',
  'sms/index': 'src/sms/index.ts',
  'cms/index': 'src/cms/index.ts',
};

export default defineConfig({
  entry,
  format: ['esm', 'cjs'],
  dts: true,
  splitting: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  external: ['better-sqlite3', 'mongodb', 'nodemailer'],
});

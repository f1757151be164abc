import { defineNodePackage } from '../../tsup.shared';

export const entry = {
  'sqlite/index': 'src/sqlite/index.ts',
  'mongodb/index': 'src/mongodb/index.ts',
  'nodemailer/index': 'src/nodemailer/index.ts',
  'outbox/index': 'src/outbox/index.ts',
  'sms/index': 'src/sms/index.ts',
  'cms/index': 'src/cms/index.ts',
  'http/index': 'src/http/index.ts',
  'swigs-task/index': 'src/swigs-task/index.ts',
};

export default defineNodePackage(entry, { external: ['better-sqlite3', 'mongodb', 'nodemailer'] });

import { defineNodePackage } from '../../tsup.shared';

export const entry = {
  index: 'src/index.ts',
  'graph/index': 'src/graph/index.ts',
  'testing/index': 'src/testing/index.ts',
  // Browser code (the server's web UI) formats money without loading the engine, its schemas and zod.
  'money/index': 'src/money/index.ts',
};

export default defineNodePackage(entry);

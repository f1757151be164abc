import { defineNodePackage } from '../../tsup.shared';

export const entry = {
  index: 'src/index.ts',
  'testing/index': 'src/testing/index.ts',
};

export default defineNodePackage(entry);

import { defineNodePackage } from '../../tsup.shared';

export const entry = {
  index: 'src/index.ts',
};

export default defineNodePackage(entry);

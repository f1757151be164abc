import { defineNodePackage } from '../../tsup.shared';

export const entry = {
  index: 'src/index.ts',
  cli: 'src/cli.ts',
};

export default defineNodePackage(entry);

import { delimiter, join } from 'node:path';
import { isExecutable } from './executable';
import type { ServiceState } from './service-state';

const TOOLS = ['pdftotext', 'pdftoppm'];

/** Finds poppler's `pdftotext` and `pdftoppm` on PATH (the PDF tests read invoices through them). */
export function findPoppler(): ServiceState {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  const missing = TOOLS.filter((tool) => !dirs.some((dir) => isExecutable(join(dir, tool))));
  return missing.length === 0
    ? { found: TOOLS.join(', '), via: 'PATH' }
    : { missing: `${missing.join(' and ')} not found on PATH` };
}

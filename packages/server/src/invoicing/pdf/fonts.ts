import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The embedded font of every invoice PDF, body and payment part: Arimo (SIL Open Font License 1.1), from the
 * `@expo-google-fonts/arimo` package. Arimo is metrically compatible with Arial, one of the fonts the SIX guidelines
 * allow on the payment part (Liberation Sans 2 is built from it), and covers Latin-1, Latin Extended-A, Ș ș Ț ț, €
 * and the narrow no-break space, so "Miloš Đukić & Dvořák Sàrl" prints as written. PDFKit subsets and embeds it.
 */
export const FONT = { regular: 'Arimo', bold: 'Arimo-Bold' } as const;

const FILES = {
  [FONT.regular]: '@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf',
  [FONT.bold]: '@expo-google-fonts/arimo/700Bold/Arimo_700Bold.ttf',
} as const;

let loaded: Record<string, Buffer> | undefined;

/** Registers the embedded font's faces on a PDFKit document (read from disk once per process). */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  loaded ??= Object.fromEntries(
    Object.entries(FILES).map(([name, file]) => [name, readFileSync(resolveFrom().resolve(file))]),
  );
  for (const [name, data] of Object.entries(loaded)) doc.registerFont(name, data);
}

function resolveFrom(): NodeRequire {
  if (typeof __filename === 'string') return createRequire(__filename);
  return createRequire(import.meta.url);
}

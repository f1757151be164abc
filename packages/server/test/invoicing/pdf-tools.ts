import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import decodeQR from 'qr/decode.js';

const run = promisify(execFile);

/** The PDF's text as poppler's `pdftotext -layout` extracts it (pages separated by form feeds). */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  return withTempPdf(pdf, async (dir, file) => {
    await run('pdftotext', ['-layout', file, join(dir, 'out.txt')]);
    return readFile(join(dir, 'out.txt'), 'utf8');
  });
}

/**
 * Renders every page with `pdftoppm` and decodes the first QR code found in a payment part (the QR-bill payload)
 * from the pixels, as a bank app scanning the slip would. The decoder is paulmillr's `qr`: pure JavaScript, no
 * dependencies, maintained, and it reads the byte segments as UTF-8 (the QR-bill's coding type 1), which is what this
 * test is about.
 */
export async function decodeQrFromPdf(pdf: Uint8Array): Promise<string | null> {
  return withTempPdf(pdf, async (dir, file) => {
    // 300 dpi (the 46 mm code at about 7 px per module, as a phone camera sees a printed slip), as raw PPM: encoding
    // and decoding PNG at that size cost seconds per PDF.
    await run('pdftoppm', ['-r', '300', file, join(dir, 'page')]);
    const pages = (await readdir(dir)).filter((name) => name.startsWith('page') && name.endsWith('.ppm')).sort();
    // The slip sits at the bottom of the last page: look there first.
    for (const page of pages.reverse()) {
      const image = readPpm(await readFile(join(dir, page)));
      // The payment part: the bottom 105 mm of A4.
      const top = Math.floor(image.height * (1 - 105 / 297));
      try {
        return decodeQR(
          { width: image.width, height: image.height - top, data: image.data.subarray(top * image.width * 3) },
          { textDecoder: (bytes) => new TextDecoder('utf-8', { fatal: true }).decode(bytes) },
        );
      } catch {
        // No QR code there.
      }
    }
    return null;
  });
}

/** A binary PPM (P6, 8 bits) as RGB pixels. */
function readPpm(file: Buffer): { width: number; height: number; data: Uint8Array } {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(file.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a P6 PPM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, data: new Uint8Array(file.buffer, file.byteOffset + header[0].length, width * height * 3) };
}

/** Writes the PDF's pages as PNG images (`<name>-1.png`...) under test-results/invoicing, for people to look at. */
export async function writePageImages(pdf: Uint8Array, name: string): Promise<string[]> {
  const out = join(import.meta.dirname, '..', '..', 'test-results', 'invoicing');
  await mkdir(out, { recursive: true });
  for (const old of (await readdir(out)).filter((f) => f.startsWith(`${name}-`))) await rm(join(out, old));
  return withTempPdf(pdf, async (_dir, file) => {
    await run('pdftoppm', ['-r', '80', '-png', file, join(out, name)]);
    await writeFile(join(out, `${name}.pdf`), pdf);
    return (await readdir(out)).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')).map((f) => join(out, f));
  });
}

async function withTempPdf<T>(pdf: Uint8Array, use: (dir: string, file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'swigs-pdf-'));
  try {
    const file = join(dir, 'invoice.pdf');
    await writeFile(file, pdf);
    return await use(dir, file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

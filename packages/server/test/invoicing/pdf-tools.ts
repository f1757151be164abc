import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

const run = promisify(execFile);

/** The PDF's text as poppler's `pdftotext -layout` extracts it. */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  return withTempPdf(pdf, async (dir, file) => {
    await run('pdftotext', ['-layout', file, join(dir, 'out.txt')]);
    return readFile(join(dir, 'out.txt'), 'utf8');
  });
}

/** Renders every page with `pdftoppm` and decodes the first QR code found (the QR-bill payload). */
export async function decodeQrFromPdf(pdf: Uint8Array): Promise<string | null> {
  return withTempPdf(pdf, async (dir, file) => {
    await run('pdftoppm', ['-r', '200', '-png', file, join(dir, 'page')]);
    const pages = (await readdir(dir)).filter((name) => name.startsWith('page') && name.endsWith('.png')).sort();
    for (const page of pages) {
      const png = PNG.sync.read(await readFile(join(dir, page)));
      const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
      if (code) return code.data;
    }
    return null;
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

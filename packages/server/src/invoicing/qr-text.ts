/**
 * The character set of the Swiss QR Code (SIX Implementation Guidelines QR-bill 2.3, §4.1.1): Basic Latin,
 * Latin-1 Supplement, Latin Extended-A, Ș ș Ț ț and €. Text bound for the QR payload is transliterated where the
 * intent is clear and refused otherwise, so a bank never rejects a slip:
 * - ’ (U+2019, the typographic apostrophe) → ' (U+0027);
 * - U+00A0 (no-break space) and U+202F (narrow no-break space) → a plain space.
 * Anything else outside the set (emoji, Cyrillic, “ ”, line breaks...) is refused, naming the field.
 */

const TRANSLITERATION: Readonly<Record<string, string>> = {
  '\u2019': "'",
  '\u00a0': ' ',
  '\u202f': ' ',
};

/** True for a character of the QR-bill set. */
export function isQrCharacter(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0x17f) ||
    (code >= 0x218 && code <= 0x21b) ||
    code === 0x20ac
  );
}

/** `value` with the documented transliteration applied (NFC first, so é typed as e + ◌́ counts as é). */
export function transliterateQrText(value: string): string {
  return [...value.normalize('NFC')].map((char) => TRANSLITERATION[char] ?? char).join('');
}

/** The characters of `value` that the QR-bill cannot carry, even after transliteration (deduplicated). */
export function unsupportedQrCharacters(value: string): string[] {
  return [...new Set([...transliterateQrText(value)].filter((char) => !isQrCharacter(char)))];
}

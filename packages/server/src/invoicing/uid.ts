/**
 * The Swiss business identification number (UID, IDE, art. 3 LIDE): `CHE-123.456.788`, whose ninth digit is a
 * modulo 11 check over the first eight with weights 5 4 3 2 7 6 5 4 (check = 11 − sum mod 11; 11 → 0; 10 never
 * issued). The VAT number is the UID followed by `TVA` (or MWST, IVA).
 */

const WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4] as const;
const VAT_NUMBER = /^CHE-?(\d{3})\.?(\d{3})\.?(\d{3})(?:\s*(TVA|MWST|IVA|VAT))?$/i;

/** The check digit of 8 UID digits, or null when the sum gives 10 (no such UID exists). */
export function uidCheckDigit(digits: string): number | null {
  if (!/^\d{8}$/.test(digits)) throw new RangeError(`a UID has 8 digits before its check digit (got ${digits})`);
  const sum = [...digits].reduce((total, digit, index) => total + Number(digit) * WEIGHTS[index]!, 0);
  const check = 11 - (sum % 11);
  if (check === 10) return null;
  return check === 11 ? 0 : check;
}

/** True for a UID whose check digit is right, with or without dots, dash and VAT suffix. */
export function isValidUid(value: string): boolean {
  const match = VAT_NUMBER.exec(value.trim());
  if (!match) return false;
  const digits = `${match[1]}${match[2]}${match[3]}`;
  return uidCheckDigit(digits.slice(0, 8)) === Number(digits[8]);
}

/** The VAT number as printed: `CHE-123.456.788 TVA` (the suffix given, TVA by default), or null when malformed. */
export function formatVatNumber(value: string): string | null {
  const match = VAT_NUMBER.exec(value.trim());
  if (!match) return null;
  return `CHE-${match[1]}.${match[2]}.${match[3]} ${(match[4] ?? 'TVA').toUpperCase()}`;
}

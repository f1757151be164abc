const MOD10_TABLE = [0, 9, 4, 6, 8, 2, 7, 1, 3, 5] as const;

/** The modulo 10 recursive check digit of a string of digits (QR reference, ex-ESR). */
export function mod10RecursiveCheckDigit(digits: string): string {
  if (!/^\d+$/.test(digits)) throw new RangeError(`not digits: ${digits}`);
  let carry = 0;
  for (const digit of digits) carry = MOD10_TABLE[(carry + Number(digit)) % 10]!;
  return String((10 - carry) % 10);
}

/**
 * A 27-digit QR reference (QRR): `payload` zero-padded to 26 digits, then the check digit.
 * @example createQrReference('21000000000313947143000901') // '210000000003139471430009017'
 */
export function createQrReference(payload: string): string {
  if (!/^\d{1,26}$/.test(payload)) throw new RangeError(`QR reference payload must be 1-26 digits (got ${payload})`);
  const body = payload.padStart(26, '0');
  return body + mod10RecursiveCheckDigit(body);
}

/**
 * An ISO 11649 creditor reference (SCOR): `RF` + 2 check digits (mod 97) + `payload` (≤ 21 alphanumerics).
 * @example createScorReference('539007547034') // 'RF18539007547034'
 */
export function createScorReference(payload: string): string {
  const body = payload.toUpperCase();
  if (!/^[0-9A-Z]{1,21}$/.test(body))
    throw new RangeError(`SCOR payload must be 1-21 letters or digits (got ${payload})`);
  const check = 98 - mod97(toDigits(`${body}RF00`));
  return `RF${String(check).padStart(2, '0')}${body}`;
}

/** True when the IBAN is a QR-IBAN (institution id 30000–31999), which requires a QR reference. */
export function isQrIban(iban: string): boolean {
  const compact = iban.replace(/\s+/g, '').toUpperCase();
  const iid = Number(compact.slice(4, 9));
  return /^(CH|LI)\d{7}/.test(compact) && iid >= 30_000 && iid <= 31_999;
}

/** True for a CH/LI IBAN (21 characters) with a valid mod-97 check. */
export function isSwissIbanValid(iban: string): boolean {
  const compact = iban.replace(/\s+/g, '').toUpperCase();
  if (!/^(CH|LI)\d{2}[0-9A-Z]{17}$/.test(compact)) return false;
  return mod97(toDigits(compact.slice(4) + compact.slice(0, 4))) === 1;
}

function toDigits(text: string): string {
  return [...text].map((char) => (/[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char)).join('');
}

function mod97(digits: string): number {
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder;
}

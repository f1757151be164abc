import { isQRReferenceValid, isSCORReferenceValid } from 'swissqrbill/utils';
import { describe, expect, it } from 'vitest';
import {
  createQrReference,
  createScorReference,
  isQrIban,
  isSwissIbanValid,
  mod10RecursiveCheckDigit,
} from './qr-reference';
import { paymentReference } from './numbering';

describe('payment references', () => {
  it('computes the modulo 10 recursive check digit of the SIX worked example', () => {
    expect(mod10RecursiveCheckDigit('21000000000313947143000901')).toBe('7');
    expect(createQrReference('21000000000313947143000901')).toBe('210000000003139471430009017');
  });

  it('pads a QR reference to 27 digits that swissqrbill accepts', () => {
    const reference = createQrReference('20260001');
    expect(reference).toHaveLength(27);
    expect(reference.slice(0, 26)).toBe('00000000000000000020260001');
    expect(isQRReferenceValid(reference)).toBe(true);
  });

  it('builds ISO 11649 creditor references', () => {
    expect(createScorReference('539007547034')).toBe('RF18539007547034');
    expect(isSCORReferenceValid(createScorReference('20260042'))).toBe(true);
  });

  it('tells a QR-IBAN from a plain IBAN and picks the reference type', () => {
    expect(isQrIban('CH44 3199 9123 0008 8901 2')).toBe(true);
    expect(isQrIban('CH93 0076 2011 6238 5295 7')).toBe(false);
    expect(isSwissIbanValid('CH93 0076 2011 6238 5295 7')).toBe(true);
    expect(isSwissIbanValid('CH93 0076 2011 6238 5295 8')).toBe(false);
    expect(paymentReference('2026-0001', 'CH4431999123000889012')).toMatch(/^\d{27}$/);
    expect(paymentReference('2026-0001', 'CH9300762011623852957')).toMatch(/^RF\d{2}20260001$/);
  });
});

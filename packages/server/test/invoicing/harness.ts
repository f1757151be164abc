import { createFakeClock } from '@swigs/automation-core';
import { startHarness as startServerHarness, type Harness, type HarnessOptions } from '../helpers/harness';

export type { FiredEvent, Harness } from '../helpers/harness';

/** The server's one test harness, on the invoicing tests' date (Thursday 5 March 2026, 10:00 in Zurich). */
export function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  return startServerHarness({ clock: options.clock ?? createFakeClock('2026-03-05T09:00:00Z'), ...options });
}

/** Settings of a QR-IBAN creditor in Lausanne. */
export const QR_IBAN_SETTINGS = {
  companyName: 'SWIGS Sàrl',
  address: { street: 'Rue de Bourg', buildingNumber: '12', postalCode: '1003', town: 'Lausanne', country: 'CH' },
  // A real check digit: mod 11 over 12345678 gives 8 (CHE-123.456.789 would be refused).
  vatNumber: 'CHE-123.456.788 TVA',
  iban: 'CH44 3199 9123 0008 8901 2',
  email: 'facturation@swigs.ch',
  paymentTermsDays: 30,
};

/** A structured client address. */
export const CLIENT = {
  name: 'Boulangerie Favre SA',
  street: 'Avenue de la Gare',
  buildingNumber: '5',
  postalCode: '1950',
  town: 'Sion',
  country: 'CH',
  email: 'compta@favre.ch',
};

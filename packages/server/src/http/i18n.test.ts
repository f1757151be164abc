import { describe, expect, it } from 'vitest';
import { pickLang, t } from './i18n';

describe('pickLang', () => {
  it('answers French when no language is asked for', () => {
    expect(pickLang(undefined)).toBe('fr');
    expect(pickLang('')).toBe('fr');
  });

  it('answers English when English ranks above French', () => {
    expect(pickLang('en-US,en;q=0.9,fr;q=0.5')).toBe('en');
    expect(pickLang('fr-CH,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(pickLang('de-CH,en;q=0.7')).toBe('en');
  });

  it('falls back to French for other languages and ignores q=0', () => {
    expect(pickLang('de-CH')).toBe('fr');
    expect(pickLang('en;q=0')).toBe('fr');
  });

  it('translates the server messages', () => {
    expect(t('not_found', 'fr')).toBe('Ressource introuvable');
    expect(t('not_found', 'en')).toBe('Resource not found');
  });
});

describe('the message tables', () => {
  it('have the same keys and the same placeholders in French and English', async () => {
    const { fr } = await import('./messages/fr');
    const { en } = await import('./messages/en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    const placeholders = (message: unknown): string[] =>
      typeof message === 'string' ? [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort() : [];
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(fr[key]));
      expect(t(key, 'fr', { status: 'sent', number: 'F-1' }).trim(), key).not.toBe('');
      expect(t(key, 'en', { status: 'sent', number: 'F-1' }).trim(), key).not.toBe('');
    }
  });

  it('put parameters in the messages', () => {
    expect(t('invoice_transition', 'fr', { number: '2026-0001', status: 'sent' })).toBe(
      'La facture 2026-0001 est envoyée : action impossible',
    );
    expect(t('year_locked', 'en', { year: 2026, number: '2026-0001' })).toBe(
      'The issue date must stay in 2026 (invoice 2026-0001)',
    );
  });
});

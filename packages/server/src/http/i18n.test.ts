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

import { en } from './en.js';
import { fr, type MessageKey } from './fr.js';

export type { MessageKey };

/** The UI languages; French is the default. */
export type Lang = 'fr' | 'en';

/** Translates a key with `{name}` placeholders. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const dictionaries: Record<Lang, Record<MessageKey, string>> = { fr, en };

/** Builds the translate function of one language. */
export function createTranslate(lang: Lang): Translate {
  const dict = dictionaries[lang];
  return (key, params) => {
    const text = dict[key] ?? fr[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  };
}

/** Reads a language code, falling back to French. */
export function toLang(value: string | null | undefined): Lang {
  return value === 'en' ? 'en' : 'fr';
}

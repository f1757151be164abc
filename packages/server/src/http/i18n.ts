import type { Lang } from './env';
import { en } from './messages/en';
import { fr } from './messages/fr';
import type { Message, MessageParams } from './messages/message';

export type { MessageParams } from './messages/message';

/** Keys of the server's messages (one table per language: `messages/fr.ts`, `messages/en.ts`). */
export type MessageKey = keyof typeof fr;

const TABLES: Record<Lang, Record<MessageKey, Message>> = { fr, en };

/** True for a key of the message tables (a schema's author writes one as a zod message). */
export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.hasOwn(fr, value);
}

/** The message `key` in `lang`, with `params` put in for its `{name}` placeholders. */
export function t(key: MessageKey, lang: Lang, params: MessageParams = {}): string {
  const message = TABLES[lang][key];
  if (typeof message === 'function') return message(params);
  return message.includes('{')
    ? message.replace(/\{(\w+)\}/g, (all, name: string) => String(params[name] ?? all))
    : message;
}

/** Picks fr or en from an Accept-Language header; French unless English ranks higher. */
export function pickLang(header: string | undefined | null): Lang {
  if (!header) return 'fr';
  let best: { lang: Lang; q: number } | null = null;
  for (const part of header.split(',').slice(0, 20)) {
    const [range = '', ...params] = part.trim().split(';');
    const primary = range.trim().toLowerCase().split('-')[0];
    if (primary !== 'fr' && primary !== 'en') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { lang: primary, q };
  }
  return best?.lang ?? 'fr';
}

import cronstrue from 'cronstrue';
import 'cronstrue/locales/fr';

/** A human-readable description of a cron expression (French by default), or `undefined` when invalid. */
export function describeCron(expression: string, lang: 'fr' | 'en' = 'fr'): string | undefined {
  if (!expression.trim()) return undefined;
  try {
    return cronstrue.toString(expression, {
      locale: lang,
      use24HourTimeFormat: true,
      throwExceptionOnParseError: true,
      verbose: false,
    });
  } catch {
    return undefined;
  }
}

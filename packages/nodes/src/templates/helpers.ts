import type Handlebars from 'handlebars';
import { DateFormat, formatChf, formatDate, toDate } from './format';

type HelperOptions = Handlebars.HelperOptions;

/** Names of the helpers templates may call; anything else is a compile error (`knownHelpersOnly`). */
export const templateHelperNames = ['currency', 'date', 'default', 'eq', 'pluralize', 'link'] as const;

const dateFormats = new Set<string>(Object.values(DateFormat));

/** Registers the SWIGS helpers on an isolated Handlebars environment. */
export function registerHelpers(hbs: typeof Handlebars): void {
  // `{{currency trigger.total}}` takes francs; `{{currency invoice.totalCentimes unit="centimes"}}` takes Rappen.
  hbs.registerHelper('currency', (value: unknown, options: HelperOptions) => {
    const amount = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof amount !== 'number' || !Number.isFinite(amount)) return '';
    // Only `CHF`, digits, `'`, `.` and `-`: safe as it is, and the apostrophe stays one in the HTML (not `&#x27;`).
    return new hbs.SafeString(formatChf(amount, options.hash?.unit === 'centimes' ? 'centimes' : 'chf'));
  });

  hbs.registerHelper('date', (...args: unknown[]) => {
    const params = args.slice(0, -1);
    const date = toDate(params[0]);
    if (!date) return '';
    const format =
      typeof params[1] === 'string' && dateFormats.has(params[1]) ? (params[1] as DateFormat) : DateFormat.Short;
    return formatDate(date, format);
  });

  hbs.registerHelper('default', (value: unknown, fallback: unknown) =>
    value === undefined || value === null || value === '' ? fallback : value,
  );

  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);

  // `{{pluralize count "article" "articles"}}` -> `1 article`, `3 articles`; French treats 0 and 1 as singular.
  hbs.registerHelper('pluralize', (...args: unknown[]) => {
    const params = args.slice(0, -1);
    const count = Number(params[0]);
    const singular = String(params[1] ?? '');
    const plural = params[2] === undefined ? `${singular}s` : String(params[2]);
    if (!Number.isFinite(count)) return '';
    return `${count} ${Math.abs(count) < 2 ? singular : plural}`;
  });

  // Builds an anchor; every input is escaped and only https/mailto URLs are linked.
  hbs.registerHelper('link', (href: unknown, label: unknown) => {
    const url = typeof href === 'string' && /^(https:|mailto:)/i.test(href.trim()) ? href.trim() : '#';
    const text = label === undefined || label === null || typeof label === 'object' ? url : String(label);
    return new hbs.SafeString(
      `<a href="${hbs.Utils.escapeExpression(url)}" style="color:#1d4ed8">${hbs.Utils.escapeExpression(text)}</a>`,
    );
  });
}

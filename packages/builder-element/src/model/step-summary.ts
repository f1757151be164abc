import { findKnownField, localized, type KnownField } from './known-fields';

/** Languages the summaries are written in. */
type Lang = 'fr' | 'en';

/** What a summary may look up: template names by id, the fields a condition reads (labels, known values). */
export interface SummaryContext {
  lang: Lang;
  templateName?: (id: string) => string | undefined;
  fields?: readonly KnownField[];
}

const UNITS: Record<Lang, Record<string, [string, string]>> = {
  fr: {
    seconds: ['seconde', 'secondes'],
    minutes: ['minute', 'minutes'],
    hours: ['heure', 'heures'],
    days: ['jour', 'jours'],
    weeks: ['semaine', 'semaines'],
  },
  en: {
    seconds: ['second', 'seconds'],
    minutes: ['minute', 'minutes'],
    hours: ['hour', 'hours'],
    days: ['day', 'days'],
    weeks: ['week', 'weeks'],
  },
};

const OPERATORS: Record<Lang, Record<string, string>> = {
  fr: {
    equals: '=',
    not_equals: '≠',
    contains: 'contient',
    greater_than: '>',
    less_than: '<',
    is_empty: 'est vide',
    is_not_empty: 'n’est pas vide',
  },
  en: {
    equals: '=',
    not_equals: '≠',
    contains: 'contains',
    greater_than: '>',
    less_than: '<',
    is_empty: 'is empty',
    is_not_empty: 'is not empty',
  },
};

/**
 * How people name the field at `path`: its label from the output schema (lower-cased to sit in a sentence: « e-mail
 * du client », not an acronym such as « TVA »), else its last segment.
 */
export function fieldLabel(path: string, lang: Lang, fields: readonly KnownField[] = []): string {
  const label = localized(findKnownField(fields, path)?.label, lang);
  if (label) return /^[A-Z]-?[a-zà-ÿ]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
  return path.split('.').pop() ?? path;
}

/** The label of a known value of the field at `path` (« payée » for `paid`), else the value itself. */
export function valueLabel(path: string, value: unknown, lang: Lang, fields: readonly KnownField[] = []): string {
  const known = findKnownField(fields, path)?.values?.find((entry) => entry.value === value);
  if (known) return localized(known.label, lang) ?? String(value);
  if (typeof value === 'string') return value;
  return value === undefined ? '' : JSON.stringify(value);
}

/**
 * One line saying what a step does, in `lang`: « Attendre 2 jours », « Si statut = payée »,
 * « E-mail « Merci » à {{client}} ». Empty when the config says nothing worth showing.
 */
export function stepSummary(type: string, config: unknown, context: SummaryContext): string {
  const c = (config ?? {}) as Record<string, unknown>;
  const fr = context.lang === 'fr';
  switch (type) {
    case 'wait': {
      const amount = Number(c.duration);
      const unit = UNITS[context.lang][String(c.unit ?? 'days')];
      if (!Number.isFinite(amount) || !unit) return '';
      return `${fr ? 'Attendre' : 'Wait'} ${amount} ${amount > 1 || amount === 0 ? unit[1] : unit[0]}`;
    }
    case 'condition':
      return conditionSummary(c, context.lang, context.fields);
    case 'send_email': {
      const id = typeof c.templateId === 'string' ? c.templateId : '';
      const name = id ? (context.templateName?.(id) ?? id) : '';
      const to = typeof c.to === 'string' && c.to ? ` ${fr ? 'à' : 'to'} ${c.to}` : '';
      return `${fr ? 'E-mail' : 'Email'}${name ? ` « ${name} »` : ''}${to}`;
    }
    case 'send_sms':
      return `SMS${typeof c.to === 'string' && c.to ? ` ${fr ? 'à' : 'to'} ${c.to}` : ''}`;
    case 'webhook':
      return typeof c.url === 'string' && c.url ? `${String(c.method ?? 'POST')} ${c.url}` : '';
    case 'create_task':
      return typeof c.title === 'string' && c.title ? `${fr ? 'Tâche' : 'Task'} « ${c.title} »` : '';
    default:
      return '';
  }
}

function conditionSummary(config: Record<string, unknown>, lang: Lang, fields?: readonly KnownField[]): string {
  const rules = Array.isArray(config.conditions) ? (config.conditions as Record<string, unknown>[]) : [];
  const first = rules.find((rule) => typeof rule.field === 'string');
  if (!first) return '';
  const field = String(first.field);
  const operator = OPERATORS[lang][String(first.operator)] ?? String(first.operator ?? '');
  const unary = first.operator === 'is_empty' || first.operator === 'is_not_empty';
  const value = unary ? '' : ` ${valueLabel(field, first.value, lang, fields)}`;
  const more = rules.length > 1 ? ` (+${rules.length - 1})` : '';
  return `${lang === 'fr' ? 'Si' : 'If'} ${fieldLabel(field, lang, fields)} ${operator}${value}${more}`;
}

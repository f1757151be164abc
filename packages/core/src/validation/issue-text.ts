import type { CheckIssue } from './schema-checks';
import { ENUM_KEYWORD, LABEL_KEYWORD } from '../node/keywords';
import type { Lang, LocalizedText } from '../node/types';

type JsonSchema = Record<string, unknown>;
type Issue = CheckIssue;

/** JSON Schema keyword of a field's own error text `{ fr, en }`, used instead of a custom English message. */
export const ERROR_KEYWORD = 'x-swigs-error';

const TYPE_NAMES: Record<string, LocalizedText> = {
  string: { fr: 'du texte', en: 'text' },
  number: { fr: 'un nombre', en: 'a number' },
  int: { fr: 'un nombre entier', en: 'a whole number' },
  boolean: { fr: 'oui ou non', en: 'true or false' },
  array: { fr: 'une liste', en: 'a list' },
  object: { fr: 'un objet', en: 'an object' },
  record: { fr: 'un objet', en: 'an object' },
  date: { fr: 'une date', en: 'a date' },
};

/**
 * One zod issue of a config or document field, for people: « le champ « Destinataire » est obligatoire »,
 * `the "Recipient" field must be a number`. `schema` (the JSON Schema the issue's path runs through) gives the
 * field's label and its own error text; a custom message of a refinement is taken from `params.i18n`.
 */
export function issueText(issue: Issue, lang: Lang, schema: JsonSchema | undefined, fallbackLabel?: string): string {
  const field = schema ? fieldAt(schema, issue.path as (string | number)[]) : undefined;
  const key = lastKey(issue.path as (string | number)[]);
  const label = field?.label?.[lang] ?? fallbackLabel ?? key;
  const subject = label === undefined ? (lang === 'fr' ? 'la valeur' : 'the value') : fieldName(label, lang);
  const custom = customText(issue, lang, field);
  if (custom !== undefined) return lang === 'fr' ? `${subject} : ${custom}` : `${subject}: ${custom}`;
  return `${subject} ${predicate(issue, lang, field)}`;
}

function fieldName(label: string, lang: Lang): string {
  return lang === 'fr' ? `le champ « ${label} »` : `the "${label}" field`;
}

function customText(issue: Issue, lang: Lang, field: Field | undefined): string | undefined {
  const i18n = issue.params?.i18n as Partial<LocalizedText> | undefined;
  if (typeof i18n?.[lang] === 'string') return i18n[lang];
  if (issue.code === 'invalid_format' || issue.code === 'custom') {
    if (field?.error) return field.error[lang];
    // A message the schema's author wrote (not zod's own) is kept, in English.
    if (issue.code === 'custom' || !/^Invalid/.test(issue.message)) return issue.message;
  }
  return undefined;
}

function predicate(issue: Issue, lang: Lang, field: Field | undefined): string {
  const fr = lang === 'fr';
  const detail = issue as unknown as Record<string, unknown>;
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined || /received undefined$/.test(issue.message)) {
        return fr ? 'est obligatoire' : 'is required';
      }
      const name = TYPE_NAMES[String(detail.expected)]?.[lang] ?? String(detail.expected);
      return fr ? `doit être ${name}` : `must be ${name}`;
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = Number(small ? detail.minimum : detail.maximum);
      const origin = String(detail.origin);
      if (small && origin === 'string' && bound === 1) return fr ? 'est obligatoire' : 'is required';
      if (small && origin === 'array' && bound === 1) {
        return fr ? 'doit contenir au moins un élément' : 'needs at least one entry';
      }
      const exclusive = detail.inclusive === false;
      if (origin === 'string') {
        return small
          ? fr
            ? `doit contenir au moins ${bound} caractères`
            : `must have at least ${bound} characters`
          : fr
            ? `ne peut dépasser ${bound} caractères`
            : `must have at most ${bound} characters`;
      }
      if (origin === 'array' || origin === 'set') {
        return small
          ? fr
            ? `doit contenir au moins ${bound} éléments`
            : `needs at least ${bound} entries`
          : fr
            ? `ne peut contenir plus de ${bound} éléments`
            : `can hold at most ${bound} entries`;
      }
      if (small) {
        if (exclusive) return fr ? `doit être supérieur à ${bound}` : `must be greater than ${bound}`;
        return fr ? `doit être au moins ${bound}` : `must be at least ${bound}`;
      }
      if (exclusive) return fr ? `doit être inférieur à ${bound}` : `must be less than ${bound}`;
      return fr ? `ne peut dépasser ${bound}` : `must be at most ${bound}`;
    }
    case 'invalid_value': {
      // People read the values' labels when the field has them (« Commande livrée »), else the values themselves.
      const labelOf = (value: unknown): string => {
        const label = field?.values?.find((known) => known.value === value)?.label[lang];
        if (label === undefined) return JSON.stringify(value);
        return fr ? `« ${label} »` : `"${label}"`;
      };
      const values = (detail.values as unknown[] | undefined)?.map(labelOf).join(', ') ?? '';
      return fr ? `doit être l’une de ces valeurs : ${values}` : `must be one of ${values}`;
    }
    case 'invalid_format': {
      const format = String(detail.format);
      if (format === 'email') return fr ? 'doit être une adresse e-mail valide' : 'must be a valid email address';
      if (format === 'url') return fr ? 'doit être une adresse web valide' : 'must be a valid web address';
      if (format === 'datetime' || format === 'date') return fr ? 'doit être une date valide' : 'must be a valid date';
      return fr ? 'n’a pas le format attendu' : 'does not have the expected format';
    }
    case 'not_multiple_of':
      return fr
        ? `doit être un multiple de ${String(detail.divisor)}`
        : `must be a multiple of ${String(detail.divisor)}`;
    case 'unrecognized_keys': {
      const keys = (detail.keys as string[] | undefined)?.join(', ') ?? '';
      return fr ? `contient des champs inconnus : ${keys}` : `has unknown fields: ${keys}`;
    }
    case 'invalid_key':
      return fr ? 'contient un nom de champ invalide' : 'has an invalid field name';
    case 'invalid_union':
      return fr ? 'n’a aucune des formes acceptées' : 'matches none of the accepted shapes';
    case 'invalid_element':
      return fr ? 'contient une valeur invalide' : 'holds an invalid value';
    default:
      return fr ? 'est invalide' : 'is invalid';
  }
}

interface Field {
  label?: LocalizedText;
  error?: LocalizedText;
  /** Known values with their labels (`x-swigs-enum`). */
  values?: { value: unknown; label: LocalizedText }[];
}

/** The label and error text of the field a path leads to, read from a JSON Schema. */
export function fieldAt(schema: JsonSchema, path: readonly (string | number)[]): Field | undefined {
  const defs = (schema.$defs ?? {}) as Record<string, JsonSchema>;
  let current: JsonSchema | undefined = schema;
  for (const key of path) {
    current = child(deref(current, defs), key, defs);
    if (!current) return undefined;
  }
  current = deref(current, defs);
  const label = current?.[LABEL_KEYWORD] as LocalizedText | undefined;
  const error = current?.[ERROR_KEYWORD] as LocalizedText | undefined;
  const values = current?.[ENUM_KEYWORD] as Field['values'];
  return { ...(label ? { label } : {}), ...(error ? { error } : {}), ...(Array.isArray(values) ? { values } : {}) };
}

/**
 * The name of the field a path leads to, for a problem a node hook found there: the deepest labelled field on
 * the path, followed by the keys below it (« Champs calculés › ref »); undefined when nothing on the path has a label.
 */
export function fieldLabelAt(schema: JsonSchema, path: readonly (string | number)[]): LocalizedText | undefined {
  const defs = (schema.$defs ?? {}) as Record<string, JsonSchema>;
  let current: JsonSchema | undefined = schema;
  let found: { label: LocalizedText; depth: number } | undefined;
  path.forEach((key, depth) => {
    current = child(deref(current, defs), key, defs);
    const label = deref(current, defs)?.[LABEL_KEYWORD] as LocalizedText | undefined;
    if (label) found = { label, depth };
  });
  if (!found) return undefined;
  const rest = path.slice(found.depth + 1).filter((key): key is string => typeof key === 'string');
  const suffix = rest.length > 0 ? ` › ${rest.join(' › ')}` : '';
  return { fr: `${found.label.fr}${suffix}`, en: `${found.label.en}${suffix}` };
}

function child(
  schema: JsonSchema | undefined,
  key: string | number,
  defs: Record<string, JsonSchema>,
): JsonSchema | undefined {
  if (!schema) return undefined;
  for (const branch of (schema.anyOf ?? schema.oneOf ?? schema.allOf ?? []) as JsonSchema[]) {
    const found = child(deref(branch, defs), key, defs);
    if (found) return found;
  }
  if (typeof key === 'number') return objectOrUndefined(schema.items);
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (properties?.[key]) return properties[key];
  return objectOrUndefined(schema.additionalProperties);
}

function deref(schema: JsonSchema | undefined, defs: Record<string, JsonSchema>): JsonSchema | undefined {
  const ref = schema?.$ref;
  if (typeof ref !== 'string') return schema;
  return defs[ref.replace(/^#\/\$defs\//, '')] ?? schema;
}

function objectOrUndefined(value: unknown): JsonSchema | undefined {
  return typeof value === 'object' && value !== null ? (value as JsonSchema) : undefined;
}

function lastKey(path: readonly (string | number)[]): string | undefined {
  for (let index = path.length - 1; index >= 0; index--) {
    const key = path[index];
    if (typeof key === 'string') return key;
  }
  return undefined;
}

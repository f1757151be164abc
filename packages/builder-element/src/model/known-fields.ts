import { ENUM_KEYWORD, LABEL_KEYWORD, type Automation, type LocalizedText } from '@swigs/automation-core/graph';
import type { DescriptorLookup } from './flow-graph';
import { TRIGGER_ID } from './geometry';
import { upstreamNodeIds } from './variables';

/** A value a field is known to take, with its name for people (`paid` → « payée »). */
export interface KnownValue {
  value: string | number | boolean;
  label: LocalizedText;
}

/** A field of the run data a step can read: where it is, what it is called, an example and its known values. */
export interface KnownField {
  /** Dot path as conditions and templates write it: `trigger.status`, `nodes.get-1.record.total`. */
  path: string;
  /** `trigger` or the upstream node's id. */
  source: string;
  label?: LocalizedText;
  /** JSON Schema type of a leaf (`string`, `number`...), absent for objects and open parts. */
  type?: string;
  example?: unknown;
  values?: readonly KnownValue[];
}

type Schema = Record<string, unknown>;

/**
 * The leaf fields a step may read, from the output JSON Schemas of the trigger and its upstream steps, with the
 * labels and known values those schemas carry (`x-swigs-label`, `x-swigs-enum`) and examples from `sampleOutput`.
 */
export function knownFields(automation: Automation, nodeId: string, descriptors: DescriptorLookup): KnownField[] {
  const fields: KnownField[] = [];
  for (const source of upstreamNodeIds(automation, nodeId)) {
    if (source === nodeId) continue;
    const type =
      source === TRIGGER_ID ? automation.trigger.type : automation.nodes.find((node) => node.id === source)?.type;
    const descriptor = type ? descriptors.get(type) : undefined;
    if (!descriptor?.outputJsonSchema) continue;
    const prefix = source === TRIGGER_ID ? 'trigger' : `nodes.${source}`;
    walk(descriptor.outputJsonSchema, prefix, descriptor.sampleOutput, source, fields, 0);
  }
  return fields;
}

/** The known field at `path`, if any. */
export function findKnownField(fields: readonly KnownField[], path: string): KnownField | undefined {
  return fields.find((field) => field.path === path);
}

/** A localized text in `lang`, else its French. */
export function localized(text: LocalizedText | undefined, lang: 'fr' | 'en'): string | undefined {
  if (!text) return undefined;
  return text[lang] ?? text.fr;
}

const MAX_DEPTH = 5;

function walk(schema: Schema, path: string, sample: unknown, source: string, out: KnownField[], depth: number): void {
  const variant = firstObjectVariant(schema);
  const properties = variant.properties as Record<string, Schema> | undefined;
  if (properties && depth < MAX_DEPTH) {
    for (const [key, child] of Object.entries(properties)) {
      walk(child, `${path}.${key}`, valueAt(sample, key), source, out, depth + 1);
    }
    return;
  }
  if (depth === 0) return;
  const type = leafType(variant);
  // Arrays and open parts are not compared as a whole in a condition: only leaves with a type are offered.
  if (!type || type === 'array' || type === 'object') return;
  const label = schema[LABEL_KEYWORD] as LocalizedText | undefined;
  const values = schema[ENUM_KEYWORD] as KnownValue[] | undefined;
  out.push({
    path,
    source,
    type,
    ...(label ? { label } : {}),
    ...(sample !== undefined ? { example: sample } : {}),
    ...(values?.length ? { values } : {}),
  });
}

/** `optional()`/`nullable()` become `anyOf`: the object variant carries the properties. */
function firstObjectVariant(schema: Schema): Schema {
  const options = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  return options?.find((option) => option.type === 'object' || option.properties) ?? schema;
}

function leafType(schema: Schema): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  const options = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  const typed = options?.map((option) => option.type).find((type) => typeof type === 'string' && type !== 'null');
  return typeof typed === 'string' ? typed : options?.length ? 'string' : undefined;
}

function valueAt(sample: unknown, key: string): unknown {
  return sample !== null && typeof sample === 'object' ? (sample as Record<string, unknown>)[key] : undefined;
}

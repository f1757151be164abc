import { describe, expect, it } from 'vitest';
import { lookup } from '../../test/fixtures';
import { describeCron } from './cron-preview';
import { buildFormModel, defaultValue, setAt, type JsonSchema } from './schema-form';

const schemaOf = (type: string) => lookup.get(type)?.configJsonSchema as JsonSchema;

describe('JSON-schema form model', () => {
  it('draws send_email: template fields, multiline body, enum and boolean', () => {
    const model = buildFormModel(schemaOf('send_email'), {
      templateFields: lookup.get('send_email')?.templateFields ?? [],
    });
    const byKey = new Map(model.children?.map((f) => [f.key, f]));
    expect(byKey.get('subject')?.kind).toBe('template');
    expect(byKey.get('body')).toMatchObject({ kind: 'template', multiline: true });
    expect(byKey.get('to')).toMatchObject({ kind: 'template', required: true });
    expect(byKey.get('category')).toMatchObject({ kind: 'enum', enumValues: ['transactional', 'marketing'] });
    expect(byKey.get('useLayout')?.kind).toBe('boolean');
    expect(byKey.get('templateId')?.kind).toBe('string');
  });

  it('merges wait duration + unit into one duration field and keeps the other fields', () => {
    const model = buildFormModel(schemaOf('wait'));
    expect(model.children?.map((f) => [f.key, f.kind])).toEqual([
      ['duration', 'duration'],
      ['time', 'string'],
      ['weekdays', 'array'],
      ['timezone', 'string'],
    ]);
    expect(model.children?.[0]).toMatchObject({
      inline: true,
      duration: { amountKey: 'duration', unitKey: 'unit', units: ['seconds', 'minutes', 'hours', 'days', 'weeks'] },
    });
    expect(model.children?.[2]?.item?.kind).toBe('integer');
  });

  it('resolves $refs: condition rules become an array of objects with enum operators', () => {
    const model = buildFormModel(schemaOf('condition'));
    const conditions = model.children?.find((f) => f.key === 'conditions');
    expect(conditions?.kind).toBe('array');
    const rule = conditions?.item;
    expect(rule?.kind).toBe('object');
    expect(rule?.children?.map((f) => [f.key, f.kind])).toEqual([
      ['field', 'string'],
      ['operator', 'enum'],
      ['value', 'any'],
      ['caseSensitive', 'boolean'],
    ]);
    const trigger = buildFormModel(schemaOf('order.paid'));
    expect(trigger.children?.find((f) => f.key === 'conditions')?.kind).toBe('object');
  });

  it('recognises cron fields and previews them in French', () => {
    const model = buildFormModel(schemaOf('time.schedule'));
    expect(model.children?.find((f) => f.key === 'cron')?.kind).toBe('cron');
    expect(describeCron('0 8 * * 1')).toMatch(/08:00.*lundi/);
    expect(describeCron('0 8 * * 1', 'en')).toMatch(/08:00.*Monday/);
    expect(describeCron('pas un cron')).toBeUndefined();
  });

  it('computes defaults and sets nested values immutably', () => {
    expect(defaultValue(schemaOf('wait'))).toEqual({ unit: 'days', timezone: 'Europe/Zurich' });
    expect(defaultValue(schemaOf('send_email'))).toEqual({ to: '', useLayout: true });
    const before = { conditions: [{ field: 'a' }] };
    const after = setAt(before, ['conditions', 0, 'operator'], 'equals');
    expect(after).toEqual({ conditions: [{ field: 'a', operator: 'equals' }] });
    expect(before).toEqual({ conditions: [{ field: 'a' }] });
    expect(setAt({ a: 1, b: 2 }, ['a'], undefined)).toEqual({ b: 2 });
  });
});

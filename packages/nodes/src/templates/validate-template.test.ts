import { describe, expect, it } from 'vitest';
import { canonicalPath, validateTemplateSource } from './validate-template';
import { defaultTemplates } from './default-templates';

const variables = [
  'trigger.orderNumber',
  'trigger.total',
  'trigger.customer.firstName',
  'trigger.customer.email',
  'trigger.items.0.name',
  'trigger.items.0.price',
  'nodes.fetch.status',
];

describe('validateTemplateSource', () => {
  it('accepts known variables, helpers, blocks and array elements', () => {
    const source = `{{trigger.customer.firstName}} {{currency trigger.total}}
{{#each trigger.items}}{{name}} {{currency price}} {{@index}} {{../trigger.orderNumber}}{{/each}}
{{#each trigger.items as |item|}}{{item.name}}{{/each}}
{{#with trigger.customer}}{{email}}{{/with}}
{{#if (eq nodes.fetch.status 200)}}ok{{/if}} {{pluralize trigger.items.length "article"}} {{@root.trigger.total}}`;
    expect(validateTemplateSource(source, variables)).toEqual([]);
  });

  it('reports a variable the trigger does not provide, with its position', () => {
    const problems = validateTemplateSource('Bonjour\n{{trigger.customer.prenom}}', variables);
    expect(problems).toEqual([
      { code: 'unknown_variable', message: 'unknown variable "trigger.customer.prenom"', variable: 'trigger.customer.prenom', line: 2, column: 3 },
    ]);
  });

  it('reports unknown variables inside helpers and each blocks', () => {
    const problems = validateTemplateSource('{{currency trigger.totl}}{{#each trigger.items}}{{sku}}{{/each}}', variables);
    expect(problems.map((p) => p.variable)).toEqual(['trigger.totl', 'sku']);
  });

  it('reports a syntax error instead of failing a run later', () => {
    const problems = validateTemplateSource('{{#if trigger.total}}no end', variables);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.code).toBe('template_syntax');
    expect(problems[0]?.message).toMatch(/template syntax error/);
  });

  it('reports unknown helpers and partials', () => {
    expect(validateTemplateSource('{{shout trigger.total}}', variables).map((p) => p.code)).toEqual(['unknown_helper']);
    expect(validateTemplateSource('{{> header}}', variables).map((p) => p.code)).toEqual(['partial_not_allowed']);
  });

  it('canonicalises array paths', () => {
    expect(canonicalPath('trigger.items.0.name')).toBe('trigger.items[].name');
    expect(canonicalPath('trigger.items[3].name')).toBe('trigger.items[].name');
    expect(canonicalPath('trigger.items.*.name')).toBe('trigger.items[].name');
    expect(canonicalPath('trigger.items[].name')).toBe('trigger.items[].name');
  });

  it('finds every shipped French template valid against its own variables', () => {
    for (const [key, template] of Object.entries(defaultTemplates)) {
      for (const field of ['subject', 'preheader', 'body'] as const) {
        expect({ key, field, problems: validateTemplateSource(template[field], template.availableVariables) }).toEqual({ key, field, problems: [] });
      }
    }
  });
});

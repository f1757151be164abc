import { describe, expect, it } from 'vitest';
import { canonicalPath, templateProblemText, validateTemplateSource } from './validate-template';
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
      {
        code: 'unknown_variable',
        message: 'unknown variable "trigger.customer.prenom"',
        variable: 'trigger.customer.prenom',
        line: 2,
        column: 3,
        params: { variable: 'trigger.customer.prenom', line: 2, column: 3 },
      },
    ]);
    expect(templateProblemText(problems[0]!, 'fr')).toBe(
      'la variable « trigger.customer.prenom » n’existe pas ici (ligne 2) ; les données du déclencheur sont sous « trigger. », celles des étapes précédentes sous « nodes.<id>. »',
    );
  });

  it('accepts any path below an open part when given a lookup', () => {
    const known = (path: string) => path === 'trigger' || path.startsWith('trigger.body');
    expect(validateTemplateSource('{{trigger.body.order.status}}', known)).toEqual([]);
    expect(validateTemplateSource('{{trigger.query.x}}', known).map((p) => p.code)).toEqual(['unknown_variable']);
  });

  it('keeps the line, the column and what was expected of a syntax error, in both languages', () => {
    const [unclosed] = validateTemplateSource('Bonjour\n{{#if trigger.total}}cher client', variables);
    expect(unclosed).toMatchObject({ code: 'template_syntax', line: 2, column: 33 });
    expect(templateProblemText(unclosed!, 'fr')).toBe(
      'erreur de syntaxe à la ligne 2, colonne 33 ; attendu : « {{else …}} » ou « {{else}} » ou la fin du bloc « {{/…}} » ; trouvé : la fin du texte',
    );
    expect(templateProblemText(unclosed!, 'en')).toBe(
      'syntax error at line 2, column 33; expected "{{else …}}" or "{{else}}" or the end of the block "{{/…}}"; found the end of the text',
    );
    const [open] = validateTemplateSource('Total\n  {{trigger.total', variables);
    expect(open).toMatchObject({ code: 'template_syntax', line: 2, params: { foundToken: 'INVALID' } });
    const [mismatch] = validateTemplateSource('{{#if trigger.total}}x{{/each}}', variables);
    expect(mismatch).toMatchObject({ code: 'template_syntax', line: 1 });
    expect(templateProblemText(mismatch!, 'fr')).toContain('attendu : « {{/if}} » ; trouvé : {{/each}}');
  });

  it('lists the helpers that exist when one is unknown', () => {
    const [problem] = validateTemplateSource('{{shout trigger.total}}', variables);
    expect(problem?.message).toBe(
      'unknown helper "shout" (available: currency, date, default, eq, pluralize, link, if, unless, each, with, lookup)',
    );
    expect(templateProblemText(problem!, 'fr')).toBe(
      'la fonction « shout » n’existe pas (ligne 1) ; fonctions disponibles : currency, date, default, eq, pluralize, link, if, unless, each, with, lookup',
    );
  });

  it('reports unknown variables inside helpers and each blocks', () => {
    const problems = validateTemplateSource(
      '{{currency trigger.totl}}{{#each trigger.items}}{{sku}}{{/each}}',
      variables,
    );
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
        expect({ key, field, problems: validateTemplateSource(template[field], template.availableVariables) }).toEqual({
          key,
          field,
          problems: [],
        });
      }
    }
  });
});

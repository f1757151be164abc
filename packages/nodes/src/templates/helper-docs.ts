import type { LocalizedText } from '@swigs/automation-core';

/** One template helper as the catalogue (`GET /api/template-helpers`) documents it. */
export interface TemplateHelperDoc {
  name: string;
  description: LocalizedText;
  /** A template calling the helper, with `exampleData` as its data. */
  example: string;
  exampleData: Record<string, unknown>;
}

const data = {
  trigger: {
    total: 1234.5,
    totalCentimes: 123450,
    paidAt: '2026-03-02T10:15:00Z',
    itemCount: 3,
    status: 'paid',
    customer: { firstName: 'Léa', nickname: '' },
  },
  nodes: {},
};

/** Where a template finds its data, in both languages. */
export const TEMPLATE_VARIABLES_TEXT: LocalizedText = Object.freeze({
  fr: 'Les données du déclencheur sont sous « trigger. » (ex. {{trigger.customer.email}}) ; la sortie de chaque étape est sous « nodes.<id>. » (ex. {{nodes.calcul.totalLabel}}).',
  en: 'The trigger’s data is under "trigger." (e.g. {{trigger.customer.email}}); each step’s output is under "nodes.<id>." (e.g. {{nodes.calc.totalLabel}}).',
});

/** The SWIGS helpers and the Handlebars block helpers templates may use, each with a worked example. */
export const templateHelperDocs: readonly TemplateHelperDoc[] = Object.freeze([
  {
    name: 'currency',
    description: {
      fr: 'Montant en francs suisses comme sur les factures (CHF 1\'234.50) ; unit="centimes" pour un montant en centimes.',
      en: 'An amount in Swiss francs as invoices print it (CHF 1\'234.50); unit="centimes" for an amount in centimes.',
    },
    example: '{{currency trigger.total}} / {{currency trigger.totalCentimes unit="centimes"}}',
    exampleData: data,
  },
  {
    name: 'date',
    description: {
      fr: 'Date à l’heure de Zurich ; format short (défaut), long, datetime ou time.',
      en: 'A date in Zurich time; format short (default), long, datetime or time.',
    },
    example: '{{date trigger.paidAt}} / {{date trigger.paidAt "long"}} / {{date trigger.paidAt "time"}}',
    exampleData: data,
  },
  {
    name: 'default',
    description: {
      fr: 'La valeur, ou le texte de remplacement quand elle est vide ou absente.',
      en: 'The value, or the fallback when it is empty or missing.',
    },
    example: 'Bonjour {{default trigger.customer.nickname trigger.customer.firstName}}',
    exampleData: data,
  },
  {
    name: 'eq',
    description: {
      fr: 'Vrai quand les deux valeurs sont égales ; à utiliser dans {{#if}}.',
      en: 'True when both values are equal; use it inside {{#if}}.',
    },
    example: '{{#if (eq trigger.status "paid")}}Payée{{else}}En attente{{/if}}',
    exampleData: data,
  },
  {
    name: 'pluralize',
    description: {
      fr: 'Le nombre suivi du singulier ou du pluriel (0 et 1 au singulier, comme en français).',
      en: 'The count followed by the singular or plural word (0 and 1 take the singular, as in French).',
    },
    example: '{{pluralize trigger.itemCount "article" "articles"}}',
    exampleData: data,
  },
  {
    name: 'link',
    description: {
      fr: 'Un lien HTML échappé ; seules les adresses https: et mailto: sont liées.',
      en: 'An escaped HTML link; only https: and mailto: addresses are linked.',
    },
    example: '{{link "https://boutique.ch/suivi" "Suivre ma commande"}}',
    exampleData: data,
  },
  {
    name: 'if',
    description: {
      fr: 'Bloc affiché quand la valeur est présente et non vide ; {{else}} sinon.',
      en: 'A block shown when the value is present and not empty; {{else}} otherwise.',
    },
    example: '{{#if trigger.customer.firstName}}Bonjour {{trigger.customer.firstName}}{{else}}Bonjour{{/if}}',
    exampleData: data,
  },
  {
    name: 'unless',
    description: { fr: 'L’inverse de {{#if}}.', en: 'The opposite of {{#if}}.' },
    example: '{{#unless trigger.customer.nickname}}Sans surnom{{/unless}}',
    exampleData: data,
  },
  {
    name: 'each',
    description: {
      fr: 'Répète le bloc pour chaque élément d’une liste ; {{this}} est l’élément.',
      en: 'Repeats the block for each item of a list; {{this}} is the item.',
    },
    example: '{{#each trigger.tags}}[{{this}}]{{/each}}',
    exampleData: { trigger: { tags: ['vip', 'newsletter'] }, nodes: {} },
  },
  {
    name: 'with',
    description: {
      fr: 'Change le contexte du bloc : ses variables sont lues dans la valeur donnée.',
      en: 'Changes the block’s context: its variables are read from the given value.',
    },
    example: '{{#with trigger.customer}}{{firstName}}{{/with}}',
    exampleData: data,
  },
  {
    name: 'lookup',
    description: {
      fr: 'Lit une propriété ou un élément par son nom ou son indice.',
      en: 'Reads a property or an item by its name or index.',
    },
    example: '{{lookup trigger.tags 0}}',
    exampleData: { trigger: { tags: ['vip', 'newsletter'] }, nodes: {} },
  },
]);

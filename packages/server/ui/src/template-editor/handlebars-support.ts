import type { Completion, CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import {
  Decoration,
  type DecorationSet,
  MatchDecorator,
  ViewPlugin,
  type ViewUpdate,
  type EditorView,
} from '@codemirror/view';
import type { VariableOption } from './variable-paths.js';

/** A helper the templates may call, as `GET /api/template-helpers` describes it. */
export interface HelperOption {
  name: string;
  /** What it does, in the page's language. */
  description: string;
  /** A call, e.g. `{{currency trigger.total}}`: its signature by example. */
  example: string;
  /** What the example prints. */
  result?: string;
}

/** What the completion offers; read at each request, so a change of trigger takes effect at once. */
export interface CompletionCatalogue {
  variables(): readonly VariableOption[];
  helpers(): readonly HelperOption[];
}

const mark = Decoration.mark({ class: 'cm-hbs' });
const matcher = new MatchDecorator({ regexp: /\{\{\{?[^{}]*\}?\}\}/g, decoration: () => mark });

/** Marks every `{{…}}` so expressions stand out of the HTML around them. */
export const handlebarsHighlight = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = matcher.createDeco(view);
    }
    update(update: ViewUpdate): void {
      this.decorations = matcher.updateDeco(update, this.decorations);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

const BLOCKS: readonly { label: string; apply: string; detail: string }[] = [
  { label: '#if', apply: '#if ', detail: '{{#if …}} … {{else}} … {{/if}}' },
  { label: '#unless', apply: '#unless ', detail: '{{#unless …}} … {{/unless}}' },
  { label: '#each', apply: '#each ', detail: '{{#each liste}} {{this}} {{/each}}' },
  { label: '#with', apply: '#with ', detail: '{{#with objet}} … {{/with}}' },
  { label: 'else', apply: 'else', detail: '{{else}}' },
];

/**
 * Completion inside `{{ … }}`: at the start of an expression the helpers (with their example as signature), the
 * blocks and the variables; after a helper name, the variables.
 */
export function handlebarsCompletion(catalogue: CompletionCatalogue): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const line = context.state.doc.lineAt(context.pos);
    const before = line.text.slice(0, context.pos - line.from);
    const open = before.lastIndexOf('{{');
    if (open < 0 || before.indexOf('}}', open) >= 0) return null;
    const inside = before
      .slice(open + 2)
      .replace(/^\{/, '')
      .replace(/^~/, '');
    const word = /[\w.@$[\]-]*$/.exec(inside)?.[0] ?? '';
    const head = inside.slice(0, inside.length - word.length);
    const first = /^[#/]?$/.test(head.trim());
    if (!context.explicit && word === '' && !first) return null;
    const from = context.pos - word.length;
    const options: Completion[] = catalogue.variables().map((v) => ({
      label: v.path,
      type: 'variable',
      detail: v.label ? `${v.label}${v.type ? ` · ${v.type}` : ''}` : v.type,
      boost: v.path.split('.').length > 3 ? -1 : 0,
    }));
    if (first && head.trim() === '') {
      for (const helper of catalogue.helpers()) {
        options.push({
          label: helper.name,
          type: 'function',
          detail: helper.example,
          info: helper.result ? `${helper.description}\n→ ${helper.result}` : helper.description,
          apply: `${helper.name} `,
          boost: 1,
        });
      }
    }
    if (first) {
      const blocks = head.trim() === '#' ? BLOCKS.filter((b) => b.label.startsWith('#')) : BLOCKS;
      const offset = head.trim() === '#' ? 1 : 0;
      for (const block of blocks) {
        options.push({
          label: block.label.slice(offset),
          type: 'keyword',
          detail: block.detail,
          apply: block.apply.slice(offset),
        });
      }
    }
    return { from, options, validFor: /^[\w.@$[\]-]*$/ };
  };
}

import type { ApiClient } from './api/api-client.js';
import { itemsOf, type ListAnswer } from './api/types.js';
import type { Lang } from './i18n/i18n.js';

interface NodeTypeInfo {
  type: string;
  kind?: string;
  title?: { fr: string; en: string };
  sampleOutput?: unknown;
  outputJsonSchema?: Record<string, unknown>;
}

/** The node catalogue's titles by type, in both languages, and which types are triggers. */
export interface NodeTitles {
  /** The title of a trigger or step type in a language; the type itself only for a type the server does not know. */
  title(type: string | undefined, lang: Lang): string;
  /** The sample output of a type (a trigger's example payload), when the catalogue has one. */
  sample(type: string | undefined): unknown;
  /** The JSON Schema of a type's output (a trigger's payload), when the catalogue has one. */
  outputSchema(type: string | undefined): Record<string, unknown> | undefined;
  /** The trigger types, for filters. */
  readonly triggers: readonly string[];
}

let cached: Promise<NodeTitles> | null = null;

/** Loads `GET /api/node-types` once per page load, so lists show "Commande payée" and never `order.paid`. */
export function loadNodeTitles(api: ApiClient): Promise<NodeTitles> {
  cached ??= api.get<ListAnswer<NodeTypeInfo>>('/api/node-types').then(
    (answer) => createNodeTitles(itemsOf(answer)),
    () => {
      cached = null;
      return createNodeTitles([]);
    },
  );
  return cached;
}

/** Builds the lookup from catalogue entries. */
export function createNodeTitles(types: readonly NodeTypeInfo[]): NodeTitles {
  const byType = new Map(types.map((d) => [d.type, d]));
  return {
    title: (type, lang) => (type ? (byType.get(type)?.title?.[lang] ?? type) : '–'),
    sample: (type) => (type ? byType.get(type)?.sampleOutput : undefined),
    outputSchema: (type) => (type ? byType.get(type)?.outputJsonSchema : undefined),
    triggers: types.filter((d) => d.kind === 'trigger').map((d) => d.type),
  };
}

/** Titles before the catalogue has arrived: nothing is known yet. */
export const NO_TITLES: NodeTitles = createNodeTitles([]);

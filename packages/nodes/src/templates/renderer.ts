import type Handlebars from 'handlebars';
import { loadOnFirstUse } from '../shared/load-on-first-use';
import { registerHelpers, templateHelperNames } from './helpers';
import { TemplateError } from './template-error';

/** `html` escapes every `{{value}}`; `text` is for subjects, addresses, SMS and JSON strings, which are not HTML. */
export type TemplateMode = 'html' | 'text';

export interface TemplateRendererOptions {
  /** Compiled templates kept; the oldest is dropped past it. Default 1000. */
  cacheSize?: number;
  /**
   * Characters of template source the cache keeps per mode (html, text) across its entries; the oldest are dropped past it, and a
   * template larger than this is compiled but not kept. A compiled template takes 100-200 times its source in
   * memory, so the default, 512 Ki characters, keeps the cache near 100 MB at most.
   */
  cacheChars?: number;
}

/** Renders Handlebars templates with the SWIGS helpers, compiling each source once. */
export interface TemplateRenderer {
  render(source: string, data: unknown, mode?: TemplateMode): string;
  /** Compiles (or fetches from cache) without rendering; throws `TemplateError` on a bad template. */
  compile(source: string, mode?: TemplateMode): Handlebars.TemplateDelegate;
  /** The isolated Handlebars environment (helpers registered, no global state touched). */
  readonly handlebars: typeof Handlebars;
  readonly cacheSize: number;
  /** Characters of source held by the cache (bounded by `cacheChars`). */
  readonly cachedChars: number;
}

/** The Handlebars library, loaded when a template is first compiled or checked. */
export const handlebars = loadOnFirstUse<typeof Handlebars>('handlebars');

const knownHelpers = Object.fromEntries(templateHelperNames.map((name) => [name, true])) as Record<string, true>;

/** Options every SWIGS template is compiled with: unknown helpers are errors. */
export const compileOptions = { knownHelpersOnly: true, knownHelpers } as const;

// Prototype access stays off (the Handlebars >= 4.6 default), stated here so it cannot drift.
const runtimeOptions: Handlebars.RuntimeOptions = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
};

/**
 * Creates a renderer with its own Handlebars environment and compile cache.
 * @example
 * const renderer = createTemplateRenderer();
 * renderer.render('Bonjour {{trigger.customer.firstName}}', { trigger });
 */
export function createTemplateRenderer(options: TemplateRendererOptions = {}): TemplateRenderer {
  // Made on the first compile: a renderer nobody uses (an idle server's) loads no Handlebars.
  let environment: typeof Handlebars | undefined;
  const hbs = (): typeof Handlebars => {
    if (!environment) {
      environment = handlebars().create();
      registerHelpers(environment);
    }
    return environment;
  };
  const limit = options.cacheSize ?? 1000;
  const charLimit = options.cacheChars ?? 512 * 1024;
  const chars: Record<TemplateMode, number> = { html: 0, text: 0 };
  // One map per mode keyed by the source itself: the same string instance keeps its hash, so a hit costs no rehash.
  const caches: Record<TemplateMode, Map<string, Handlebars.TemplateDelegate>> = { html: new Map(), text: new Map() };

  const compile = (source: string, mode: TemplateMode = 'html'): Handlebars.TemplateDelegate => {
    const cache = caches[mode];
    const cached = cache.get(source);
    if (cached) return cached;
    let template: Handlebars.TemplateDelegate;
    try {
      // Handlebars compiles lazily; precompiling the AST here surfaces syntax and helper errors now.
      const env = hbs();
      const ast = env.parse(source);
      template = env.compile(ast, { ...compileOptions, noEscape: mode === 'text' });
      env.precompile(ast, { ...compileOptions, noEscape: mode === 'text' });
    } catch (error) {
      throw new TemplateError(`template is invalid: ${firstLine(error)}`, { cause: error });
    }
    if (source.length > charLimit) return template;
    while (cache.size > 0 && (cache.size >= limit || chars[mode] + source.length > charLimit)) {
      const oldest = cache.keys().next().value as string;
      cache.delete(oldest);
      chars[mode] -= oldest.length;
    }
    cache.set(source, template);
    chars[mode] += source.length;
    return template;
  };

  return {
    get handlebars() {
      return hbs();
    },
    compile,
    render(source, data, mode = 'html') {
      const template = compile(source, mode);
      try {
        return template(data, runtimeOptions);
      } catch (error) {
        throw new TemplateError(`template failed to render: ${firstLine(error)}`, { cause: error });
      }
    },
    get cacheSize() {
      return caches.html.size + caches.text.size;
    },
    get cachedChars() {
      return chars.html + chars.text;
    },
  };
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

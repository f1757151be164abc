import Handlebars from 'handlebars';
import { registerHelpers, templateHelperNames } from './helpers';
import { TemplateError } from './template-error';

/** `html` escapes every `{{value}}`; `text` is for subjects, addresses, SMS and JSON strings, which are not HTML. */
export type TemplateMode = 'html' | 'text';

export interface TemplateRendererOptions {
  /** Compiled templates kept; the oldest is dropped past it. Default 1000. */
  cacheSize?: number;
}

/** Renders Handlebars templates with the SWIGS helpers, compiling each source once. */
export interface TemplateRenderer {
  render(source: string, data: unknown, mode?: TemplateMode): string;
  /** Compiles (or fetches from cache) without rendering; throws `TemplateError` on a bad template. */
  compile(source: string, mode?: TemplateMode): Handlebars.TemplateDelegate;
  /** The isolated Handlebars environment (helpers registered, no global state touched). */
  readonly handlebars: typeof Handlebars;
  readonly cacheSize: number;
}

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
  const hbs = Handlebars.create();
  registerHelpers(hbs);
  const limit = options.cacheSize ?? 1000;
  // One map per mode keyed by the source itself: the same string instance keeps its hash, so a hit costs no rehash.
  const caches: Record<TemplateMode, Map<string, Handlebars.TemplateDelegate>> = { html: new Map(), text: new Map() };

  const compile = (source: string, mode: TemplateMode = 'html'): Handlebars.TemplateDelegate => {
    const cache = caches[mode];
    const cached = cache.get(source);
    if (cached) return cached;
    let template: Handlebars.TemplateDelegate;
    try {
      // Handlebars compiles lazily; precompiling the AST here surfaces syntax and helper errors now.
      const ast = hbs.parse(source);
      template = hbs.compile(ast, { ...compileOptions, noEscape: mode === 'text' });
      hbs.precompile(ast, { ...compileOptions, noEscape: mode === 'text' });
    } catch (error) {
      throw new TemplateError(`template is invalid: ${firstLine(error)}`, { cause: error });
    }
    if (cache.size >= limit) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    cache.set(source, template);
    return template;
  };

  return {
    handlebars: hbs,
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
  };
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

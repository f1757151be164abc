/** A matched route: its name and its path parameters. */
export interface Route {
  name: RouteName;
  params: Record<string, string>;
}

export type RouteName =
  | 'login'
  | 'automations'
  | 'automation-new'
  | 'automation'
  | 'automation-runs'
  | 'runs'
  | 'run'
  | 'templates'
  | 'template-new'
  | 'template'
  | 'outbox'
  | 'projects'
  | 'project'
  | 'invoice'
  | 'settings'
  | 'not-found';

const table: Array<[RouteName, RegExp, string[]]> = [
  ['automations', /^\/?$/, []],
  ['login', /^\/login$/, []],
  ['automations', /^\/automations$/, []],
  ['automation-new', /^\/automations\/new$/, []],
  ['automation-runs', /^\/automations\/([^/]+)\/runs$/, ['id']],
  ['automation', /^\/automations\/([^/]+)$/, ['id']],
  ['runs', /^\/runs$/, []],
  ['run', /^\/runs\/([^/]+)$/, ['id']],
  ['templates', /^\/templates$/, []],
  ['template-new', /^\/templates\/new$/, []],
  ['template', /^\/templates\/([^/]+)$/, ['id']],
  ['outbox', /^\/outbox$/, []],
  ['projects', /^\/invoicing$/, []],
  ['project', /^\/projects\/([^/]+)$/, ['id']],
  ['invoice', /^\/invoices\/([^/]+)$/, ['id']],
  ['settings', /^\/settings$/, []],
];

/** Matches a hash such as `#/automations/abc` to a route. */
export function matchRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  for (const [name, re, keys] of table) {
    const m = re.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    keys.forEach((k, i) => {
      params[k] = decodeURIComponent(m[i + 1] ?? '');
    });
    return { name, params };
  }
  return { name: 'not-found', params: {} };
}

/** The hash for a path: `/automations` -> `#/automations`. */
export const href = (path: string): string => `#${path}`;

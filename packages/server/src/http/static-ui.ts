import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the built web UI from `dir` (single-page app: unknown paths get `index.html`), or a French placeholder
 * page when `dir` is null or has no `index.html`. Never serves outside `dir`, nor `.map` files unless `sourceMaps`.
 */
export function staticUi(dir: string | null, options: { sourceMaps?: boolean } = {}): MiddlewareHandler<AppEnv> {
  const root = dir && existsSync(join(dir, 'index.html')) ? resolve(dir) : null;
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    if (c.req.path.startsWith('/api/') || c.req.path === '/api') return next();
    if (!root) {
      return c.req.path === '/' || c.req.path === '/index.html' ? c.html(PLACEHOLDER) : next();
    }
    // Source maps give away the UI's sources: only when asked (SERVE_SOURCE_MAPS).
    if (!options.sourceMaps && c.req.path.endsWith('.map')) return next();
    let relative: string;
    try {
      relative = decodeURIComponent(c.req.path);
    } catch {
      return next();
    }
    const target = resolve(root, `.${relative}`);
    const inside = target === root || target.startsWith(root + sep);
    const file =
      inside && isFile(target)
        ? target
        : isFile(join(target, 'index.html')) && inside
          ? join(target, 'index.html')
          : null;
    const chosen = file ?? (extname(relative) === '' ? join(root, 'index.html') : null);
    if (!chosen) return next();
    const content = await readFile(chosen);
    const type = TYPES[extname(chosen)] ?? 'application/octet-stream';
    const cache = chosen.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
    return c.body(content, 200, { 'Content-Type': type, 'Cache-Control': cache });
  };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const PLACEHOLDER = `<!doctype html>
<html lang="fr-CH">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>swigs-workflow</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#18181b}code{background:#f4f4f5;padding:.1rem .3rem;border-radius:.2rem}</style>
</head>
<body>
<main>
<h1>swigs-workflow</h1>
<p>Le serveur d’automatisations SWIGS fonctionne.</p>
<p>L’interface web n’est pas encore construite. L’API est disponible sous <code>/api</code> ;
sa description OpenAPI se trouve à <a href="/api/openapi.json">/api/openapi.json</a>.</p>
<p>Connexion locale : <code>POST /api/auth/local-login</code> avec le mot de passe affiché au démarrage.</p>
</main>
</body>
</html>
`;

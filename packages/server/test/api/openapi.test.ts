import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/harness';

type Operation = {
  operationId?: string;
  security?: unknown[];
  parameters?: { in: string }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
};
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

let h: Harness;
let document: Document;
beforeAll(async () => {
  // Many calls without a token: the failure limiter must not answer 429 instead of 401.
  h = await startHarness({ app: { authFailures: { maxFailures: 1_000_000 } } });
  document = (await h.api('GET', '/api/openapi.json', { token: null })).body as Document;
});
afterAll(async () => {
  await h.close();
});

const operations = (): [string, string, Operation][] =>
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => [method, path, operation] as [string, string, Operation]),
  );

describe('the OpenAPI document', () => {
  it('documents every route the app serves, and only those', () => {
    const served = h.app.routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`);
    const documented = operations().map(([method, path]) => `${method} ${path}`);
    expect(new Set(served)).toEqual(new Set(documented));
    expect(documented).toEqual(
      expect.arrayContaining(['post /api/automations/{id}/run', 'get /api/invoices/{invoiceId}/pdf']),
    );
  });

  it('gives every operation a unique operationId', () => {
    const ids = operations().map(([method, path, operation]) => operation.operationId ?? `${method} ${path}`);
    expect(ids.filter((id) => id.includes(' '))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents the errors each operation can answer, with the one error schema', () => {
    for (const [method, path, operation] of operations()) {
      const where = `${method} ${path}`;
      const statuses = Object.keys(operation.responses);
      const isPublic = operation.security?.length === 0;
      const hasInput = operation.requestBody !== undefined || (operation.parameters ?? []).length > 0;
      if (!isPublic) expect(statuses, where).toEqual(expect.arrayContaining(['401', '429']));
      if (hasInput) expect(statuses, where).toContain('400');
      if (operation.requestBody) expect(statuses, where).toContain('413');
      if ((operation.parameters ?? []).some((p) => p.in === 'path')) expect(statuses, where).toContain('404');
      if (!isPublic || hasInput) expect(statuses, where).toContain('503');
      for (const status of statuses.filter((s) => Number(s) >= 400 && path !== '/readyz')) {
        expect(operation.responses[status]?.content?.['application/json']?.schema?.$ref, `${where} ${status}`).toBe(
          '#/components/schemas/Error',
        );
      }
    }
    const conflicts = operations().filter(([, , operation]) => '409' in operation.responses);
    expect(conflicts.map(([, path]) => path)).toEqual(
      expect.arrayContaining(['/api/automation-runs/{id}/cancel', '/api/invoices/{invoiceId}/send']),
    );
  });

  it('answers without a token exactly on the routes it documents as public', async () => {
    for (const [method, path, operation] of operations()) {
      if (method !== 'get' || path.includes('/events')) continue;
      const res = await h.api('GET', path.replace(/\{[^}]+\}/g, 'x'), { token: null });
      // A public route may still answer 401 for its own check (a webhook's secret), never for a missing token.
      if (operation.security?.length === 0) expect(res.body?.code, path).not.toBe('unauthorized');
      else expect(res.status, path).toBe(401);
    }
  });

  it('resolves every schema reference', () => {
    const refs = JSON.stringify(document).match(/"#\/components\/schemas\/[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(40);
    for (const ref of new Set(refs)) expect(document.components.schemas, ref).toHaveProperty(ref.slice(22, -1));
  });
});

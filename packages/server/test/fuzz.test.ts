import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualAutomation, startHarness, thanksTemplate, type Harness } from './helpers/harness';

let h: Harness;
let automationId = '';
let templateId = '';
let projectId = '';

beforeAll(async () => {
  // Failures must not trip the auth limiter here, or every later request would be a mere 429.
  h = await startHarness({ app: { bodyLimit: 64 * 1024, authFailures: { maxFailures: 1_000_000 } } });
  automationId = (await h.api('POST', '/api/automations', { body: manualAutomation() })).body.id;
  templateId = (await h.api('POST', '/api/email-templates', { body: thanksTemplate() })).body.id;
  const project = await h.api('POST', '/api/projects', {
    body: {
      name: 'Site vitrine',
      client: { name: 'Boulangerie', street: 'Rue du Four 1', postalCode: '1700', town: 'Fribourg' },
    },
  });
  expect(project.status, project.text).toBe(201);
  projectId = project.body.id;
  const document = (await h.api('GET', '/api/openapi.json', { token: null })).body as {
    paths: Record<string, Record<string, DocumentOperation>>;
  };
  documented = Object.entries(document.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ method, template, operation })),
  );
});
afterAll(async () => {
  await h.close();
});

interface Route {
  method: string;
  path: () => string;
  /** Field values of the wrong type that make a body malformed for this route. */
  wrong?: fc.Arbitrary<Record<string, unknown>>;
}

const notString = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);
const notBoolean = fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.object({ maxDepth: 1 }));
const notObject = fc.oneof(
  fc.integer(),
  fc.string(),
  fc.boolean(),
  fc.array(fc.integer(), { minLength: 1, maxLength: 3 }),
);
const tooLong = (n: number) => fc.string({ minLength: n + 1, maxLength: n + 50 });

const automationWrong = fc.oneof(
  fc.record({ name: notString, trigger: fc.constant({ type: 'manual' }) }),
  fc.record({ name: tooLong(200), trigger: fc.constant({ type: 'manual' }) }),
  fc.record({ name: fc.constant('x'), trigger: notObject }),
  fc.record({ name: fc.constant('x'), trigger: fc.constant({ type: 'manual' }), nodes: notObject }),
  fc.record({ name: fc.constant('x'), trigger: fc.constant({ type: 'manual' }), isActive: notBoolean }),
  fc.record({
    name: fc.constant('x'),
    trigger: fc.constant({ type: 'manual' }),
    nodes: fc.array(fc.record({ id: notString, type: notString }), { minLength: 1, maxLength: 3 }),
  }),
);
const templateWrong = fc.oneof(
  fc.record({ name: notString, subject: fc.constant('s'), body: fc.constant('b') }),
  fc.record({ name: fc.constant('n'), subject: notString, body: fc.constant('b') }),
  fc.record({ name: fc.constant('n'), subject: fc.constant('s'), body: notString }),
  fc.record({
    name: fc.constant('n'),
    subject: fc.constant('s'),
    body: fc.constant('b'),
    category: fc.string().filter((c) => c !== 'marketing' && c !== 'transactional'),
  }),
);

/** Field values that make a body malformed for one operation, beyond the generic malformed bodies. */
const WRONG: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  createAutomation: automationWrong,
  updateAutomation: automationWrong,
  toggleAutomation: fc.record({ isActive: notBoolean }),
  testAutomation: fc.record({ automation: notObject }),
  createEmailTemplate: templateWrong,
  updateEmailTemplate: templateWrong,
  previewEmailTemplate: fc.record({ data: notObject }),
  sendTestEmail: fc.record({
    to: fc.oneof(
      notString,
      fc.string({ maxLength: 20 }).filter((s) => !s.includes('@')),
    ),
  }),
  localLogin: fc.record({ password: notString }),
};

type DocumentOperation = { operationId: string; requestBody?: unknown };
let documented: { method: string; template: string; operation: DocumentOperation }[] = [];

/** A path of the document with ids this test made (or unknown ones, which must answer 4xx too). */
function concrete(template: string): string {
  return template
    .replace(/^\/api\/automations\/\{id\}/, `/api/automations/${automationId}`)
    .replace(/^\/api\/email-templates\/\{id\}/, `/api/email-templates/${templateId}`)
    .replace('{projectId}', projectId)
    .replace('{automationId}', automationId)
    .replace(/\{[^}]+\}/g, 'unknown');
}

/** Every operation of the document that takes a body, except the draft check fuzzed on its own above. */
function bodyRoutes(): Route[] {
  return documented
    .filter(({ operation }) => operation.requestBody && operation.operationId !== 'validateAutomation')
    .map(({ method, template, operation }) => ({
      method: method.toUpperCase(),
      path: () => concrete(template),
      ...(WRONG[operation.operationId] ? { wrong: WRONG[operation.operationId] } : {}),
    }));
}

const pollutingKey = fc.constantFrom('__proto__', 'constructor', 'prototype');
const withPollution = fc
  .tuple(fc.object({ maxDepth: 2 }), pollutingKey, fc.object({ maxDepth: 1 }), fc.nat({ max: 3 }))
  .map(([base, key, value, depth]) => {
    let text = `{${JSON.stringify(key)}:${JSON.stringify(value)}}`;
    for (let i = 0; i < depth; i++) text = `{"nested":${text}}`;
    const rest = JSON.stringify(base).slice(1);
    return rest === '}' ? text : `${text.slice(0, -1)},${rest}`;
  });
const deepNesting = fc
  .integer({ min: 65, max: 20_000 })
  .chain((depth) =>
    fc.constantFrom(`${'['.repeat(depth)}${']'.repeat(depth)}`, `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
  );
const notJson = fc
  .string({ minLength: 1, maxLength: 200 })
  .map((s) => `{${s}`)
  .filter((s) => {
    try {
      JSON.parse(s);
      return false;
    } catch {
      return true;
    }
  });
const nonObjectJson = fc
  .oneof(
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.string(),
    fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  )
  .map((v) => JSON.stringify(v));
const huge = fc.integer({ min: 70_000, max: 200_000 }).map((n) => JSON.stringify({ name: 'x'.repeat(n) }));

describe('fuzzing the draft check', () => {
  it('answers the problems of any object and 4xx to anything else, never a 5xx', { timeout: 60_000 }, async () => {
    const anyObject = fc.object({ maxDepth: 3 }).map((v) => JSON.stringify(v));
    const cases = fc.sample(fc.oneof(anyObject, notJson, nonObjectJson, withPollution, deepNesting, huge), {
      numRuns: 600,
      seed: 20261124,
    });
    const statuses = new Set<number>();
    for (const raw of cases) {
      const res = await h.fetch(`/api/automations/validate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${h.tokenA}`, 'content-type': 'application/json' },
        body: raw,
      });
      const text = await res.text();
      statuses.add(res.status);
      if (res.status === 200) expect(JSON.parse(text)).toMatchObject({ valid: false, problems: expect.any(Array) });
      else expect(res.status, raw.slice(0, 100)).toBeGreaterThanOrEqual(400);
      expect(res.status, raw.slice(0, 100)).toBeLessThan(500);
    }
    expect([...statuses].sort()).toEqual([200, 400, 413]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('fuzzing every body route', () => {
  it('answers 4xx to 5,000 malformed bodies and stays healthy', { timeout: 180_000 }, async () => {
    const statuses = new Map<number, number>();
    let sent = 0;
    const body = (route: Route): fc.Arbitrary<string> =>
      fc.oneof(
        { weight: 3, arbitrary: notJson },
        { weight: 3, arbitrary: nonObjectJson },
        { weight: 4, arbitrary: withPollution },
        { weight: 2, arbitrary: deepNesting },
        { weight: 1, arbitrary: huge },
        ...(route.wrong ? [{ weight: 6, arbitrary: route.wrong.map((v) => JSON.stringify(v)) }] : []),
      );
    const routes = bodyRoutes();
    // The list comes from the app's own document: a new body route is fuzzed without editing this test.
    expect(routes.length).toBeGreaterThanOrEqual(24);
    expect(routes.map((r) => `${r.method} ${r.path()}`)).toEqual(
      expect.arrayContaining([`POST /api/projects/${projectId}/invoices`, 'PUT /api/settings/invoicing']),
    );
    const cases = fc.sample(
      fc.constantFrom(...routes).chain((route) => fc.tuple(fc.constant(route), body(route))),
      { numRuns: 5000, seed: 20260302 },
    );
    const failures: string[] = [];
    let next = 0;
    // Eight clients at once: the server sees concurrent hostile traffic, and the test stays fast.
    const client = async (): Promise<void> => {
      while (next < cases.length) {
        const [route, raw] = cases[next++]!;
        const res = await h
          .fetch(route.path(), {
            method: route.method,
            headers: { authorization: `Bearer ${h.tokenA}`, 'content-type': 'application/json' },
            body: raw,
          })
          .catch((error: unknown) => {
            throw new Error(
              `${route.method} ${route.path()} with ${raw.length} bytes (${raw.slice(0, 60)}): ${String((error as Error).cause ?? error)}`,
            );
          });
        await res.arrayBuffer();
        sent += 1;
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status < 400 || res.status >= 500)
          failures.push(`${res.status} ${route.method} ${route.path()} ${raw.slice(0, 200)}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, client));
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(5000);
    expect([...statuses.keys()].every((s) => s >= 400 && s < 500)).toBe(true);
    expect(statuses.get(400)).toBeGreaterThan(1000);

    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect((await h.api('GET', '/healthz', { token: null })).status).toBe(200);
    const list = await h.api('GET', '/api/automations');
    expect(list.body.total).toBe(1);
    expect(list.body.items[0].name).toBe('Manuelle');
  });

  it('answers 4xx to odd ids in every id route', { timeout: 60_000 }, async () => {
    const ids = fc.sample(
      fc.oneof(
        fc.string({ minLength: 1, maxLength: 300 }),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 50 }),
        fc.constantFrom('%', '%E0%A4%A', '..%2F..', '%00', 'a'.repeat(5000)),
      ),
      { numRuns: 300, seed: 7 },
    );
    // Every operation of the document with an id in its path.
    const templates = documented
      .filter(({ template }) => /\{[^}]+\}/.test(template))
      .map(({ method, template }) => [method.toUpperCase(), template] as const);
    expect(templates.length).toBeGreaterThanOrEqual(30);
    const statuses = new Set<number>();
    for (const [i, id] of ids.entries()) {
      const [method, template] = templates[i % templates.length]!;
      const encoded = /^[\x20-\x7e]*$/.test(id) && id.includes('%') ? id : encodeURIComponent(id);
      const res = await h.fetch(template.replace(/\{[^}]+\}/, encoded), {
        method,
        headers: { authorization: `Bearer ${h.tokenA}` },
      });
      await res.arrayBuffer();
      statuses.add(res.status);
      expect(res.status, `${method} ${template} ${JSON.stringify(id).slice(0, 80)}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${method} ${template} ${JSON.stringify(id).slice(0, 80)}`).toBeLessThan(500);
    }
    expect(statuses.has(404)).toBe(true);
  });

  it('answers 400 to malformed query strings', async () => {
    for (const query of ['limit=abc', 'limit=-1', 'offset=1e99', 'isActive=maybe', 'limit=0']) {
      const res = await h.api('GET', `/api/automations?${query}`);
      expect(res.status, query).toBe(400);
    }
    expect((await h.api('GET', `/api/automations/${automationId}/runs?status=${'x'.repeat(500)}`)).status).toBe(400);
  });
});

// Mounts swigs-workflow inside an existing Express app with `app.use('/automation', handler)`, boots it on an
// ephemeral port, checks the health route and one API call, then exits (0 when everything answered as expected).
import { randomBytes } from 'node:crypto';
import assert from 'node:assert/strict';
import express from 'express';
import { createEngine, createMemoryStore } from '@swigs/automation-core';
import { createDefaultRegistry } from '@swigs/automation-nodes';
import { createApp, createAuthenticator, createRequestListener } from '@swigs/workflow-server';

const store = createMemoryStore();
const engine = createEngine({ store, registry: createDefaultRegistry() });
const authenticator = createAuthenticator({ local: { secret: randomBytes(32), password: 'exemple' } });
const automation = createRequestListener(createApp({ store, engine, authenticator }));

const app = express();
app.get('/', (_req, res) => res.send('My SWIGS app'));
app.use('/automation', automation);

const server = app.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

try {
  const health = await fetch(`${base}/automation/healthz`);
  assert.equal(health.status, 200);
  assert.deepEqual(await health.json(), { status: 'ok' });

  const { token } = await authenticator.issueLocalToken('agence');
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const created = await fetch(`${base}/automation/api/automations`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ name: 'Depuis Express', trigger: { type: 'manual', config: {} }, nodes: [] }),
  });
  assert.equal(created.status, 201);
  const list = await (await fetch(`${base}/automation/api/automations`, { headers })).json();
  assert.equal(list.total, 1);
  assert.equal(list.items[0].name, 'Depuis Express');

  const denied = await fetch(`${base}/automation/api/automations`);
  assert.equal(denied.status, 401);
  assert.equal((await fetch(`${base}/`)).status, 200);
  console.log(
    `express-mount: swigs-workflow answered under ${base}/automation (healthz, POST and GET /api/automations)`,
  );
} finally {
  server.closeAllConnections?.();
  await new Promise((resolve) => server.close(resolve));
  await engine.stop();
  await store.close();
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore, type SqliteStore } from '@swigs/automation-adapters/sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/harness';

// The webhook endpoint keeps what it read of an automation and its listener while the store's change mark is
// unchanged: these calls show that a change by another process, or a listener's end, is seen at the next call.
const SECRET = 'reads-secret-value-123456';
const secrets = (name: string): string | undefined => (name === 'WEBHOOK_SECRET_READS' ? SECRET : undefined);
const automation = {
  name: 'Webhook lu une fois',
  isActive: true,
  trigger: { type: 'webhook.received', config: { secretRef: 'WEBHOOK_SECRET_READS' } },
  nodes: [{ id: 't', type: 'transform', config: { fields: { who: '{{trigger.body.name}}' } } }],
};

let h: Harness | undefined;
const stores: SqliteStore[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await h?.close();
  h = undefined;
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const call = (id: string) =>
  h!.api('POST', `/api/hooks/webhook/${id}`, {
    token: null,
    body: { name: 'Zoé' },
    headers: { 'x-webhook-secret': SECRET },
  });

describe('webhook reads of the automation', () => {
  it('sees a switch-off and a switch-on written by another process on the same SQLite file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swigs-webhook-reads-'));
    dirs.push(dir);
    const mine = createSqliteStore({ filename: join(dir, 'shared.db') });
    const other = createSqliteStore({ filename: join(dir, 'shared.db') });
    stores.push(other, mine);
    h = await startHarness({ store: mine, app: { secrets } });
    const saved = await h.api('POST', '/api/automations', { body: automation });
    expect(saved.status).toBe(201);
    const id = saved.body.id as string;
    expect((await call(id)).status).toBe(202);
    expect((await call(id)).status).toBe(202);

    const stored = (await other.automations.get(saved.body.userId, id))!;
    await other.automations.save({ ...stored, isActive: false });
    expect((await call(id)).status).toBe(401);
    await other.automations.save({ ...stored, isActive: true });
    expect((await call(id)).status).toBe(202);
    await other.automations.delete(saved.body.userId, id);
    expect((await call(id)).status).toBe(401);
  });

  it('stops keeping calls as samples once the listener has ended, with nothing written meanwhile', async () => {
    h = await startHarness({ app: { secrets } });
    const saved = await h.api('POST', '/api/automations', { body: { ...automation, isActive: false } });
    const id = saved.body.id as string;
    // A draft that does not listen is refused; listening, it keeps the next call.
    expect((await call(id)).status).toBe(401);
    expect((await h.api('POST', `/api/automations/${id}/listen`, { body: { seconds: 60 } })).body.listening).toBe(true);
    expect((await call(id)).body).toEqual({ kept: true });

    expect((await h.api('POST', `/api/automations/${id}/listen`, { body: { seconds: 60 } })).body.listening).toBe(true);
    await h.clock.advance(61_000);
    expect((await call(id)).status).toBe(401);
    // Switched on, the ended listener keeps nothing: the call runs.
    expect((await h.api('PATCH', `/api/automations/${id}/toggle`, { body: { isActive: true } })).status).toBe(200);
    expect((await call(id)).status).toBe(202);
    expect((await h.api('POST', `/api/automations/${id}/listen`, { body: { seconds: 60 } })).body.listening).toBe(true);
    await h.clock.advance(61_000);
    const ran = await call(id);
    expect(ran.status).toBe(202);
    expect(ran.body.runId).toEqual(expect.any(String));
  });
});

import { describe, expect, it } from 'vitest';
import { descriptors, sampleAutomation } from '../../test/fixtures';
import { TRIGGER_ID } from '../model/geometry';
import { BuilderStore } from './builder-store';

function createStore() {
  const reasons: string[] = [];
  const store = new BuilderStore(sampleAutomation(), (reason) => reasons.push(reason));
  store.setDescriptors(descriptors);
  return { store, reasons };
}

describe('BuilderStore', () => {
  it('undoes and redoes add, connect, move and delete as single steps', () => {
    const { store } = createStore();
    const original = store.automation;
    const id = store.addNodeOfType('wait', { wireFrom: { id: 'condition-1', output: 'false' } });
    expect(id).toBe('wait-2');
    expect(store.automation.nodes.find((n) => n.id === 'condition-1')?.connections).toContainEqual({
      targetId: 'wait-2',
      condition: 'false',
    });
    store.move(new Map([['wait-2', { x: 1000, y: 300 }]]));
    store.select(['wait-2']);
    store.deleteSelection();
    expect(store.automation.nodes.some((n) => n.id === 'wait-2')).toBe(false);
    expect(store.undo()).toBe(true);
    expect(store.automation.nodes.find((n) => n.id === 'wait-2')?.position).toEqual({ x: 1000, y: 300 });
    store.undo();
    store.undo();
    expect(store.automation).toBe(original);
    expect(store.undo()).toBe(false);
    store.redo();
    expect(store.automation.nodes.some((n) => n.id === 'wait-2')).toBe(true);
  });

  it('coalesces config edits of one node typed within a second into one undo step', () => {
    const { store } = createStore();
    store.setConfig('send-email-1', { to: 'a' }, 1000);
    store.setConfig('send-email-1', { to: 'ab' }, 1500);
    store.setConfig('send-email-1', { to: 'abc' }, 3000);
    store.undo();
    expect(store.automation.nodes.find((n) => n.id === 'send-email-1')?.config).toEqual({ to: 'ab' });
    store.undo();
    expect(store.automation.nodes.find((n) => n.id === 'send-email-1')?.config.subject).toBe(
      'Merci {{trigger.customer.firstName}}',
    );
  });

  it('merges the server’s extra problems into the report, for the automation they were found on', () => {
    const { store } = createStore();
    const checked = store.automation;
    const hook = {
      code: 'unknown_variable',
      message: 'unknown variable {{trigger.nmae}}',
      nodeId: 'send-email-1',
      path: ['nodes', 1, 'config', 'subject'],
    };
    expect(store.applyServerProblems(checked, [hook])).toBe(true);
    expect(store.report.valid).toBe(false);
    expect(store.report.byNode.get('send-email-1')).toEqual([hook]);

    // Kept through an edit until the server answers again, so the count does not flicker.
    store.move(new Map([['send-email-1', { x: 500, y: 500 }]]));
    expect(store.report.problems).toEqual([hook]);
    expect(store.applyServerProblems(checked, [])).toBe(false);
    expect(store.report.problems).toEqual([hook]);
    expect(store.applyServerProblems(store.automation, [])).toBe(true);
    expect(store.report.valid).toBe(true);

    store.applyServerProblems(store.automation, [hook]);
    store.select(['send-email-1']);
    store.deleteSelection();
    expect(store.report.byNode.has('send-email-1')).toBe(false);
  });

  it('drops the server’s copy of a problem the browser finds too as soon as an edit fixes it', () => {
    const { store } = createStore();
    store.setConfig('send-email-1', { subject: 'x', body: 'y', to: '' }, 1000);
    const checked = store.automation;
    const local = store.report.byNode.get('send-email-1')?.[0];
    expect(local?.path).toContain('to');
    const hook = {
      code: 'unknown_variable',
      message: 'unknown variable {{trigger.nmae}}',
      nodeId: 'send-email-1',
      path: ['nodes', 2, 'config', 'subject'],
    };
    expect(store.applyServerProblems(checked, [{ ...local!, message: 'server copy' }, hook])).toBe(true);
    expect(store.report.problems).toHaveLength(2);

    // `to` fixed: the browser's check says so at once; the hook's finding was about the old configuration and is
    // gone until the server's next answer says whether it still holds.
    store.setConfig('send-email-1', { subject: 'x', body: 'y', to: 'a@b.ch' }, 5000);
    expect(store.report.problems).toEqual([]);
    expect(store.applyServerProblems(store.automation, [hook])).toBe(true);
    expect(store.report.problems).toEqual([hook]);
  });

  it('forgets what only the server found on a step when that step’s configuration changes, not on other steps', () => {
    const { store } = createStore();
    const onEmail = { code: 'unknown_variable', message: 'unknown', nodeId: 'send-email-1', path: ['nodes', 2] };
    const onWait = { code: 'hook', message: 'wait hook', nodeId: 'wait-1', path: ['nodes', 0] };
    const onTrigger = { code: 'hook', message: 'trigger hook', path: ['trigger', 'config'] };
    expect(store.applyServerProblems(store.automation, [onEmail, onWait, onTrigger])).toBe(true);
    expect(store.report.problems).toHaveLength(3);

    store.setLabel('wait-1', 'Pause');
    store.move(new Map([['send-email-1', { x: 900, y: 40 }]]));
    expect(store.report.problems).toHaveLength(3);
    const emailConfig = store.automation.nodes.find((n) => n.id === 'send-email-1')?.config ?? {};
    store.setConfig('send-email-1', { ...emailConfig, subject: 'Merci' });
    expect(store.report.problems).toEqual([onWait, onTrigger]);
    store.setConfig(TRIGGER_ID, { siteId: 'site-2' });
    expect(store.report.problems).toEqual([onWait]);
    // Undo brings back the old configuration, not the old answer: the server is asked again.
    store.undo();
    expect(store.report.problems).toEqual([onWait]);
  });

  it('validates with core: a missing required field is reported on its node', () => {
    const { store } = createStore();
    expect(store.report.valid).toBe(true);
    store.setConfig('send-email-1', { subject: 'x', body: 'y' });
    expect(store.report.valid).toBe(false);
    expect(store.report.byNode.get('send-email-1')?.[0]?.path).toContain('to');
  });

  it('never deletes the trigger and never connects into it or to itself', () => {
    const { store } = createStore();
    store.select([TRIGGER_ID]);
    expect(store.deleteSelection()).toBe(0);
    expect(store.connect({ source: 'wait-1', sourceHandle: 'default', target: TRIGGER_ID })).toBe(false);
    expect(store.connect({ source: 'wait-1', sourceHandle: 'default', target: 'wait-1' })).toBe(false);
    expect(store.connect({ source: 'wait-1', sourceHandle: 'default', target: 'condition-1' })).toBe(false);
  });

  it('replaces the trigger when a trigger type is added, with its schema defaults', () => {
    const { store } = createStore();
    store.addNodeOfType('time.schedule');
    expect(store.automation.trigger.type).toBe('time.schedule');
    expect(store.automation.trigger.config).toEqual({ cron: '', timezone: 'Europe/Zurich' });
    expect(store.automation.trigger.connections).toEqual([{ targetId: 'wait-1', condition: 'default' }]);
  });

  it('emits a reason for every committed change', () => {
    const { store, reasons } = createStore();
    store.layout();
    store.undo();
    store.redo();
    expect(reasons.slice(-3)).toEqual(['layout', 'undo', 'redo']);
  });
});

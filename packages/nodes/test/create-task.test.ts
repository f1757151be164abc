import { describe, expect, it } from 'vitest';
import { executeNode as runNode } from '@swigs/automation-core/testing';
import { createTask } from '../src/index';

const data = { trigger: { name: 'Refonte Favre', client: { name: 'Boulangerie Favre SA' } } };

// Tasks created through a real swigs-task client: packages/adapters/test/create-task-node.test.ts.
describe('create_task', () => {
  it('describes the task in a dry run, due a number of Zurich days from now', async () => {
    const result = await runNode(
      createTask,
      { title: 'Facturer {{trigger.name}}', description: 'Client : {{trigger.client.name}}', dueInDays: 3 },
      { data, dryRun: true },
    );
    expect(result.output).toEqual({
      taskId: '',
      dryRun: true,
      // The fake clock is 2026-03-02 10:00 in Zurich.
      task: {
        title: 'Facturer Refonte Favre',
        description: 'Client : Boulangerie Favre SA',
        dueDate: '2026-03-05',
        externalRef: 'run-1:n1',
      },
    });
  });

  it('fails clearly without a task port or with a due date that is no date', async () => {
    await expect(runNode(createTask, { title: 'x' })).rejects.toMatchObject({
      code: 'NON_RETRIABLE',
      message: 'create_task: no task service configured (ports.tasks)',
    });
    await expect(runNode(createTask, { title: 'x', dueDate: 'demain' }, { dryRun: true })).rejects.toThrow(
      /dueDate "demain" is not a date/,
    );
  });
});

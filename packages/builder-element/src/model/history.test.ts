import { describe, expect, it } from 'vitest';
import { createHistory } from './history';

describe('createHistory', () => {
  it('undoes and redoes in order, and a new edit forgets the redo stack', () => {
    const history = createHistory<string>();
    history.push('a');
    history.push('b');
    expect(history.undo('c')).toBe('b');
    expect(history.undo('b')).toBe('a');
    expect(history.undo('a')).toBeUndefined();
    expect(history.redo('a')).toBe('b');
    history.push('b');
    expect(history.canRedo).toBe(false);
    expect(history.redo('x')).toBeUndefined();
  });

  it('drops the oldest entries past its limit', () => {
    const history = createHistory<number>(3);
    for (let i = 0; i < 5; i += 1) history.push(i);
    expect([history.undo(5), history.undo(4), history.undo(3), history.undo(2)]).toEqual([4, 3, 2, undefined]);
  });
});

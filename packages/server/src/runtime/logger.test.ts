import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createJsonLogger, redactUrl, toPortLogger } from './logger';

const capture = (): { stream: Writable; lines: () => Record<string, unknown>[] } => {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += chunk.toString();
      done();
    },
  });
  return {
    stream,
    lines: () =>
      text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
};

describe('createJsonLogger', () => {
  it('writes JSON lines with secrets redacted at any of the first levels', () => {
    const out = capture();
    const logger = toPortLogger(createJsonLogger({ destination: out.stream }));
    logger.info('calling', {
      token: 'tok-123',
      request: { headers: { authorization: 'Bearer abc' } },
      password: 'pw',
      user: 'lea',
    });
    logger.child?.({ component: 'cms' }).warn('child', { serviceToken: 'svc-1' });
    const [first, second] = out.lines();
    expect(first).toMatchObject({
      msg: 'calling',
      level: 30,
      service: 'swigs-workflow',
      user: 'lea',
      token: '[redacted]',
      password: '[redacted]',
    });
    expect((first!.request as { headers: Record<string, string> }).headers.authorization).toBe('[redacted]');
    expect(second).toMatchObject({ component: 'cms', serviceToken: '[redacted]' });
    expect(JSON.stringify(out.lines())).not.toMatch(/tok-123|Bearer abc|pw"|svc-1/);
  });

  it("gives nested children their parents' fields, redacted, and writes nothing below the level", () => {
    const out = capture();
    const logger = toPortLogger(createJsonLogger({ destination: out.stream, level: 'info' }));
    const node = logger.child?.({ runId: 'run-1', token: 'tok-9' }).child?.({ nodeId: 'mail' });
    node?.debug('hidden');
    node?.error('smtp refused', { code: 'EAUTH' });
    const lines = out.lines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: 'smtp refused',
      runId: 'run-1',
      nodeId: 'mail',
      code: 'EAUTH',
      token: '[redacted]',
    });
  });

  it('hides passwords in connection strings', () => {
    expect(redactUrl('mongodb://admin:s3cret@db:27017/swigs')).toBe('mongodb://admin:***@db:27017/swigs');
    expect(redactUrl('not a url')).toBe('[unparsable url]');
  });
});

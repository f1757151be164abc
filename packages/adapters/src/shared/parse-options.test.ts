import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ErrorCode, hasErrorCode } from '@swigs/automation-core';
import { parseOptions } from './parse-options';

const Schema = z.object({ url: z.url(), auth: z.object({ pass: z.string().min(12) }) });

describe('parseOptions', () => {
  it('returns the parsed options', () => {
    expect(
      parseOptions(Schema, { url: 'smtp://mail.swigs.ch', auth: { pass: 'assez-long-pour' } }, 'smtp mail').url,
    ).toBe('smtp://mail.swigs.ch');
  });

  it('lists every problem by path under the label, never the values', () => {
    let caught: unknown;
    try {
      parseOptions(Schema, { url: 'pas une url', auth: { pass: 'secret' } }, 'smtp mail');
    } catch (error) {
      caught = error;
    }
    expect(hasErrorCode(caught, ErrorCode.ConfigInvalid)).toBe(true);
    const error = caught as Error & { details?: unknown; problems?: { path: unknown[] }[] };
    expect(error.message).toMatch(/^smtp mail: url: .+; auth\.pass: /);
    expect(error.message).not.toContain('secret');
    expect(error.message).not.toContain('pas une url');
  });

  it('words each problem as the caller asks', () => {
    expect(() =>
      parseOptions(z.object({ CMS_API_URL: z.url() }), {}, 'CMS', (path, message) => `${path} ${message}`),
    ).toThrow(/^CMS: CMS_API_URL /);
  });
});

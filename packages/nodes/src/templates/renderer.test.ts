import { describe, expect, it } from 'vitest';
import { createTemplateRenderer } from './renderer';
import { formatCentimes } from '@swigs/automation-core';
import { formatChf, formatDate, formatWithIntl } from './format';

describe('createTemplateRenderer', () => {
  const renderer = createTemplateRenderer();

  it('escapes a customer name so markup arrives as text', () => {
    const html = renderer.render('<p>{{trigger.customer.firstName}}</p>', {
      trigger: { customer: { firstName: '<script>alert(1)</script>' } },
    });
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('escapes backticks and equals signs that could break unquoted attributes', () => {
    expect(renderer.render('{{v}}', { v: '`a=b`' })).toBe('&#x60;a&#x3D;b&#x60;');
  });

  it('leaves text-mode output unescaped for subjects and addresses', () => {
    expect(renderer.render('Commande {{n}} & co', { n: 'A&B' }, 'text')).toBe('Commande A&B & co');
  });

  it('compiles each source once and reuses it', () => {
    const local = createTemplateRenderer();
    const first = local.compile('Bonjour {{name}}');
    expect(local.compile('Bonjour {{name}}')).toBe(first);
    expect(local.cacheSize).toBe(1);
    local.render('Bonjour {{name}}', { name: 'Léa' });
    expect(local.cacheSize).toBe(1);
  });

  it('drops the oldest compiled template past the cache size', () => {
    const local = createTemplateRenderer({ cacheSize: 2 });
    const first = local.compile('a{{x}}');
    local.compile('b{{x}}');
    local.compile('c{{x}}');
    expect(local.cacheSize).toBe(2);
    expect(local.compile('a{{x}}')).not.toBe(first);
  });

  it('refuses prototype properties and methods', () => {
    const data = Object.create({ secret: 'inherited' }) as Record<string, unknown>;
    data.own = 'visible';
    expect(renderer.render('{{own}}|{{secret}}|{{constructor.name}}', data)).toBe('visible||');
  });

  it('throws a TemplateError (non-retriable) for an unknown helper or bad syntax', () => {
    expect(() => renderer.render('{{shout name}}', { name: 'x' })).toThrow(/template is invalid: .*shout/);
    try {
      renderer.render('{{#if a}}oops', {});
      expect.unreachable();
    } catch (error) {
      expect((error as { code: string; name: string }).code).toBe('NON_RETRIABLE');
      expect((error as Error).name).toBe('TemplateError');
    }
  });

  it('formats francs as invoices and the web UI show them: CHF, an apostrophe every three digits', () => {
    expect(renderer.render('{{currency total}}', { total: 1234.5 })).toBe("CHF 1'234.50");
    expect(renderer.render('{{currency total}}', { total: 1234567.5 })).toBe("CHF 1'234'567.50");
    expect(renderer.render('{{currency total}}', { total: 0 })).toBe('CHF 0.00');
    expect(renderer.render('{{currency total unit="centimes"}}', { total: 102695 })).toBe("CHF 1'026.95");
    expect(renderer.render('{{currency total}}', { total: '1026.95' })).toBe("CHF 1'026.95");
    expect(renderer.render('[{{currency total}}]', { total: 'abc' })).toBe('[]');
    expect(formatChf(89.9)).toBe('CHF 89.90');
  });

  it('prints the same text as the invoice PDF and the web UI (core formatCentimes), for francs and centimes', () => {
    const centimes = [0, 5, 10, 50, 100, 999, 3990, 9995, 102695, 123450, 99_999_999_999, -50, -123450];
    let seed = 42;
    for (let i = 0; i < 2000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      centimes.push(seed % 1_000_000_000, -(seed % 100_000));
    }
    for (const amount of centimes) {
      const expected = formatCentimes(amount);
      expect({ amount, text: formatChf(amount, 'centimes') }).toEqual({ amount, text: expected });
      expect({ amount, text: formatChf(amount / 100) }).toEqual({ amount, text: expected });
    }
  });

  it('rounds francs to the centime half away from zero, without binary drift', () => {
    expect(formatChf(1.005)).toBe('CHF 1.01');
    expect(formatChf(2.675)).toBe('CHF 2.68');
    expect(formatChf(-1.005)).toBe('CHF -1.01');
    expect(formatChf(0.1 + 0.2)).toBe('CHF 0.30');
    expect(formatChf(12.3456)).toBe('CHF 12.35');
    expect(formatChf(-0)).toBe('CHF 0.00');
    expect(formatChf(999_999_999.99)).toBe("CHF 999'999'999.99");
  });

  it('formats dates in Europe/Zurich, including the day change at night and DST', () => {
    const data = { at: '2025-03-05T23:30:00Z', summer: '2025-07-01T12:05:00Z' };
    expect(renderer.render('{{date at}}', data)).toBe('06.03.2025');
    expect(renderer.render('{{date at "short"}}', data)).toBe('06.03.2025');
    expect(renderer.render('{{date at "long"}}', data)).toBe('6 mars 2025');
    expect(renderer.render('{{date at "datetime"}}', data)).toBe('06.03.2025 00:30');
    expect(renderer.render('{{date summer "time"}}', data)).toBe('14:05');
    expect(renderer.render('{{date summer "long"}}', data)).toBe('1 juillet 2025');
    expect(formatDate(new Date('2025-12-24T08:00:00Z'), 'long')).toBe('24 décembre 2025');
    expect(renderer.render('[{{date nope}}]', {})).toBe('[]');
  });

  it('provides default, eq and pluralize', () => {
    expect(renderer.render('{{default name "client"}}', {})).toBe('client');
    expect(renderer.render('{{default name "client"}}', { name: 'Zoé' })).toBe('Zoé');
    expect(renderer.render('{{#if (eq status "paid")}}payée{{else}}ouverte{{/if}}', { status: 'paid' })).toBe('payée');
    expect(renderer.render('{{pluralize n "article"}}', { n: 1 })).toBe('1 article');
    expect(renderer.render('{{pluralize n "article"}}', { n: 0 })).toBe('0 article');
    expect(renderer.render('{{pluralize n "cheval" "chevaux"}}', { n: 3 })).toBe('3 chevaux');
  });

  it('builds links that escape their inputs and refuse javascript: URLs', () => {
    expect(renderer.render('{{link url label}}', { url: 'https://swigs.ch/?a=1&b="2"', label: '<b>Voir</b>' })).toBe(
      '<a href="https://swigs.ch/?a&#x3D;1&amp;b&#x3D;&quot;2&quot;" style="color:#1d4ed8">&lt;b&gt;Voir&lt;/b&gt;</a>',
    );
    expect(renderer.render('{{link url "x"}}', { url: 'javascript:alert(1)' })).toContain('href="#"');
  });
});

describe('fr-CH formatting fast paths', () => {
  it('formats Zurich dates exactly as Intl fr-CH does, across DST changes and years', () => {
    const instants = [
      '2026-03-29T00:59:59.999Z',
      '2026-03-29T01:00:00Z',
      '2026-10-25T00:59:59Z',
      '2026-10-25T01:00:00Z',
      '1970-01-01T00:00:00Z',
      '2000-02-29T23:30:00Z',
      '2099-12-31T23:00:00Z',
    ].map((s) => new Date(s));
    let seed = 7;
    for (let i = 0; i < 3000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      instants.push(new Date(Date.UTC(1970, 0, 1) + Math.floor((seed / 2147483648) * 130 * 365.25 * 86_400_000)));
    }
    for (const instant of instants) {
      for (const format of ['short', 'long', 'datetime', 'time'] as const) {
        expect({ at: instant.toISOString(), format, text: formatDate(instant, format) }).toEqual({
          at: instant.toISOString(),
          format,
          text: formatWithIntl(instant, format),
        });
      }
    }
  });
});

describe('the compile cache is bounded by size', () => {
  it('drops the oldest templates past its character budget and never keeps one larger than it', () => {
    const local = createTemplateRenderer({ cacheChars: 1000 });
    const big = (n: number): string => `${'x'.repeat(390)}{{n${n}}}`;
    local.compile(big(1));
    local.compile(big(2));
    expect(local.cacheSize).toBe(2);
    local.compile(big(3));
    expect(local.cacheSize).toBe(2);
    expect(local.cachedChars).toBeLessThanOrEqual(1000);
    local.compile('y'.repeat(2000));
    expect(local.cacheSize).toBe(2);
    expect(local.render('y'.repeat(2000), {})).toBe('y'.repeat(2000));
  });
});

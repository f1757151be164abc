import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { localizeZodIssues } from './zod-issues';

const schema = z.object({
  name: z.string().min(1),
  title: z.string().max(3),
  count: z.number().int().min(2),
  kind: z.enum(['a', 'b']),
  email: z.email(),
  tags: z.array(z.string()).min(1),
  required: z.string(),
  amount: z.number().refine(() => false, { message: 'chf_decimals' }),
  quantity: z.number().refine(() => false, { message: 'quantity_decimals', params: { decimals: 4 } }),
  notes: z.string().refine(() => false, 'Ajoutez une note'),
});
const input = {
  name: '',
  title: 'abcdef',
  count: 1.5,
  kind: 'c',
  email: 'nope',
  tags: [],
  amount: 1,
  quantity: 1,
  notes: '',
};
const result = schema.safeParse(input);
const messages = (lang: 'fr' | 'en', withInput = true): Record<string, string> =>
  Object.fromEntries(
    localizeZodIssues(result.error!.issues, lang, withInput ? input : undefined).map((i) => [
      i.path.join('.'),
      i.message,
    ]),
  );

describe('localizeZodIssues', () => {
  it('says in French what is wrong with each field, without zod’s developer text', () => {
    expect(messages('fr')).toEqual({
      name: 'doit contenir au moins 1 caractère',
      title: 'doit contenir au plus 3 caractères',
      count: 'doit être un nombre entier',
      kind: 'doit être l’une des valeurs : "a", "b"',
      email: 'doit être une adresse e-mail valide',
      tags: 'doit contenir au moins 1 élément',
      required: 'est obligatoire',
      amount: 'doit être un montant en CHF avec au plus 2 décimales',
      quantity: 'doit être une quantité avec au plus 4 décimales',
      notes: 'Ajoutez une note',
    });
  });

  it('says the same in English', () => {
    expect(messages('en')).toMatchObject({
      name: 'must contain at least 1 character',
      title: 'must contain at most 3 characters',
      count: 'must be a whole number',
      required: 'is required',
      amount: 'must be an amount in CHF with at most 2 decimals',
    });
  });

  it('tells a missing field from zod’s own wording when the input is not at hand', () => {
    expect(messages('fr', false).required).toBe('est obligatoire');
    expect(messages('fr', false).count).toBe('doit être un nombre entier');
  });

  it('states numeric bounds grouped as each language writes them', () => {
    const big = z.object({ n: z.number().max(1_000_000) }).safeParse({ n: 2_000_000 });
    expect(localizeZodIssues(big.error!.issues, 'fr')[0]?.message).toBe('doit être au plus 1\u202f000\u202f000');
    expect(localizeZodIssues(big.error!.issues, 'en')[0]?.message).toBe('must be at most 1,000,000');
  });
});

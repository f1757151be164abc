import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { localizeZodIssues } from './zod-issues';

const schema = z.object({
  name: z.string().min(2),
  count: z.number(),
  kind: z.enum(['a', 'b']),
  notes: z.string().refine(() => false, 'Ajoutez au moins une ligne à la facture'),
});
const error = schema.safeParse({ name: 'x', count: 'deux', kind: 'c', notes: '' }).error!;

describe('localizeZodIssues', () => {
  it('rewrites zod’s own messages in French', () => {
    const issues = localizeZodIssues(error, 'fr');
    expect(issues.find((i) => i.path[0] === 'name')?.message).toMatch(/^Trop petit/);
    expect(issues.find((i) => i.path[0] === 'count')?.message).toBe('Entrée invalide : nombre attendu');
    expect(issues.find((i) => i.path[0] === 'kind')?.message).toMatch(/^Option invalide/);
  });

  it('keeps the messages a schema’s author wrote', () => {
    expect(localizeZodIssues(error, 'fr').find((i) => i.path[0] === 'notes')?.message).toBe(
      'Ajoutez au moins une ligne à la facture',
    );
  });

  it('keeps English messages in English', () => {
    expect(localizeZodIssues(error, 'en').find((i) => i.path[0] === 'count')?.message).toBe(
      'Invalid input: expected number, received string',
    );
  });
});

// The same kind of custom node, loaded through the package's CommonJS entry.
const assert = require('node:assert/strict');
const {
  AutomationSchema,
  createEngine,
  createFakeClock,
  createMemoryStore,
  createRegistry,
  defineNode,
  isSwigsError,
} = require('@swigs/automation-core');
const { z } = require('zod');

const contactForm = defineNode({
  type: 'form.submitted',
  kind: 'trigger',
  version: 1,
  title: { fr: 'Formulaire envoyé', en: 'Form submitted' },
  configSchema: z.object({ formId: z.string() }),
  matches: ({ config, payload }) => payload.formId === config.formId,
});

const tagContact = defineNode({
  type: 'crm.tag_contact',
  kind: 'action',
  version: 1,
  title: { fr: 'Étiqueter le contact', en: 'Tag the contact' },
  configSchema: z.object({ tag: z.string().min(1) }),
  execute: (ctx) => ({ output: { email: ctx.data.trigger.email.toLowerCase(), tag: ctx.config.tag } }),
});

async function main() {
  try {
    defineNode({
      type: 'bad type',
      kind: 'action',
      version: 1,
      title: { fr: 'x', en: 'x' },
      configSchema: z.object({}),
    });
    assert.fail('defineNode accepted a malformed definition');
  } catch (error) {
    assert.ok(isSwigsError(error) && error.code === 'DEFINITION_INVALID', String(error));
  }

  const store = createMemoryStore();
  const engine = createEngine({ store, registry: createRegistry([contactForm, tagContact]), clock: createFakeClock() });
  await store.automations.save(
    AutomationSchema.parse({
      id: 'tag-leads',
      userId: 'agency',
      name: 'Étiqueter les prospects',
      isActive: true,
      trigger: { type: 'form.submitted', config: { formId: 'contact' } },
      nodes: [{ id: 'tag', type: 'crm.tag_contact', config: { tag: 'prospect' } }],
    }),
  );
  assert.deepEqual(await engine.fire('form.submitted', { formId: 'newsletter', email: 'x@y.ch' }), []);
  const [run] = await engine.fire('form.submitted', { formId: 'contact', email: 'Anna@Example.CH' });
  assert.equal(run.status, 'completed', run.error || 'run did not complete');
  assert.deepEqual(run.outputs.tag, { email: 'anna@example.ch', tag: 'prospect' });
  console.log(`custom-node (CJS): run ${run.status}, tagged ${run.outputs.tag.email}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

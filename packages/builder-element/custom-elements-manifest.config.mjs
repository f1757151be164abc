/**
 * The manifest documents the public API: members the class declares `private` (or `#`) or `protected` are listed by
 * the analyzer with that privacy and dropped here. Nothing else is filtered: an internal member must be private.
 */
const dropPrivate = {
  name: 'drop-private-members',
  packageLinkPhase({ customElementsManifest }) {
    for (const mod of customElementsManifest.modules) {
      for (const declaration of mod.declarations ?? []) {
        if (declaration.members)
          declaration.members = declaration.members.filter((m) => m.privacy !== 'private' && m.privacy !== 'protected');
      }
    }
  },
};

export default {
  globs: ['src/swigs-automation-builder.ts', 'src/events.ts'],
  outdir: '.',
  litelement: true,
  plugins: [dropPrivate],
};

/**
 * Members tagged `@internal`, and private ones, stay out of the manifest: it documents the public API. The analyzer
 * drops tagged fields it reads from their declaration, but lists a field assigned in the constructor from that
 * assignment, without its tag.
 */
const internalMembers = new Map();

const dropInternal = {
  name: 'drop-internal-members',
  analyzePhase({ ts, node }) {
    if (!ts.isClassDeclaration(node) || !node.name) return;
    const names = internalMembers.get(node.name.text) ?? new Set();
    for (const member of node.members) {
      const tags = ts.getJSDocTags(member).map((tag) => tag.tagName.text);
      if (tags.includes('internal') && member.name && ts.isIdentifier(member.name)) names.add(member.name.text);
    }
    internalMembers.set(node.name.text, names);
  },
  packageLinkPhase({ customElementsManifest }) {
    for (const mod of customElementsManifest.modules) {
      for (const declaration of mod.declarations ?? []) {
        const names = internalMembers.get(declaration.name);
        if (names && declaration.members)
          declaration.members = declaration.members.filter((m) => !names.has(m.name) && m.privacy !== 'private');
      }
    }
  },
};

export default {
  globs: ['src/swigs-automation-builder.ts', 'src/events.ts'],
  outdir: '.',
  litelement: true,
  plugins: [dropInternal],
};

import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

interface ManifestMember {
  name: string;
  privacy?: string;
}
interface Manifest {
  modules: { declarations?: { name: string; members?: ManifestMember[] }[] }[];
}

const manifest = JSON.parse(readFileSync(new URL('../custom-elements.json', import.meta.url), 'utf8')) as Manifest;
const elementSource = readFileSync(new URL('../src/swigs-automation-builder.ts', import.meta.url), 'utf8');

function manifestMembers(className: string): string[] {
  const declaration = manifest.modules.flatMap((mod) => mod.declarations ?? []).find((d) => d.name === className);
  return (declaration?.members ?? []).map((m) => m.name);
}

/** Lit's own members the class overrides; the analyzer's Lit support leaves them out (not this element's API). */
const LIT_MEMBERS = new Set(['styles', 'properties', 'connectedCallback', 'disconnectedCallback']);

/** The members a TypeScript user can reach: neither `private`, `protected` nor `#name`. */
function publicMembersOf(source: string, className: string): string[] {
  const file = ts.createSourceFile('element.ts', source, ts.ScriptTarget.Latest, true);
  const names = new Set<string>();
  file.forEachChild((node) => {
    if (!ts.isClassDeclaration(node) || node.name?.text !== className) return;
    for (const member of node.members) {
      if (ts.isConstructorDeclaration(member) || !member.name || ts.isPrivateIdentifier(member.name)) continue;
      const flags = ts.getCombinedModifierFlags(member as ts.Declaration);
      if (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
      if (LIT_MEMBERS.has(member.name.getText(file))) continue;
      names.add(member.name.getText(file));
    }
  });
  return [...names].sort();
}

describe('custom-elements.json', () => {
  it('lists exactly the public members of <swigs-automation-builder>', () => {
    const listed = manifestMembers('SwigsAutomationBuilder');
    expect([...listed].sort()).toEqual(publicMembersOf(elementSource, 'SwigsAutomationBuilder'));
  });

  it('lists only the documented API (a new public member is a deliberate change)', () => {
    expect([...manifestMembers('SwigsAutomationBuilder')].sort()).toMatchInlineSnapshot(`
      [
        "addNode",
        "apiBase",
        "autoLayout",
        "automation",
        "client",
        "colorScheme",
        "deleteSelection",
        "fitView",
        "getAutomation",
        "hideName",
        "hideSave",
        "isReadonly",
        "lang",
        "nodeTypes",
        "problems",
        "readonly",
        "redo",
        "run",
        "runTest",
        "save",
        "shadowRootOptions",
        "showStats",
        "theme",
        "undo",
      ]
    `);
  });

  it('lists no private member of any declaration', () => {
    const privateOnes = manifest.modules
      .flatMap((mod) => mod.declarations ?? [])
      .flatMap((d) => (d.members ?? []).filter((m) => m.privacy === 'private' || m.privacy === 'protected'));
    expect(privateOnes).toEqual([]);
  });
});

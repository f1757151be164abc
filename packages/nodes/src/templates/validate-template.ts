import { canonicalPath, createVariableScope, type LocalizedText, type VariableInfo } from '@swigs/automation-core';
import { templateHelperNames } from './helpers';
import { compileOptions, handlebars } from './renderer';

/** A problem found in a template before it is saved. */
export interface TemplateProblem {
  code: 'template_syntax' | 'unknown_variable' | 'unknown_helper' | 'partial_not_allowed';
  /** English, for developers; people read `templateProblemText(problem, lang)`. */
  message: string;
  /** 1-based, when known. */
  line?: number;
  column?: number;
  /** The variable path as written, for `unknown_variable`. */
  variable?: string;
  /** What fills the problem's text: `{ line, column, expected?, found? }`, `{ variable }`, `{ helper, helpers }`. */
  params: Record<string, unknown>;
}

/** Texts of template problems, `{name}` filled from their params (also a node's `messages`). */
export const TEMPLATE_PROBLEM_TEXTS: Readonly<Record<TemplateProblem['code'], LocalizedText>> = Object.freeze({
  template_syntax: {
    fr: 'erreur de syntaxe à la ligne {line}, colonne {column} ; attendu : {expected} ; trouvé : {found}',
    en: 'syntax error at line {line}, column {column}; expected {expected}; found {found}',
  },
  unknown_variable: {
    fr: 'la variable « {variable} » n’existe pas ici (ligne {line}) ; les données du déclencheur sont sous « trigger. », celles des étapes précédentes sous « nodes.<id>. »',
    en: 'the variable "{variable}" does not exist here (line {line}); trigger data is under "trigger.", earlier steps’ outputs under "nodes.<id>."',
  },
  unknown_helper: {
    fr: 'la fonction « {helper} » n’existe pas (ligne {line}) ; fonctions disponibles : {helpers}',
    en: 'there is no helper "{helper}" (line {line}); available helpers: {helpers}',
  },
  partial_not_allowed: {
    fr: 'les inclusions ({{> …}}) ne sont pas permises dans les modèles (ligne {line})',
    en: 'partials ({{> …}}) are not allowed in templates (line {line})',
  },
});

/** A template problem's text in `lang`. */
export function templateProblemText(problem: Pick<TemplateProblem, 'code' | 'params'>, lang: 'fr' | 'en'): string {
  const text = TEMPLATE_PROBLEM_TEXTS[problem.code][lang];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = problem.params[name];
    if (value === undefined) return name === 'expected' || name === 'found' ? '?' : whole;
    if (typeof value === 'object' && value !== null && lang in value) return String((value as LocalizedText)[lang]);
    return Array.isArray(value) ? value.join(lang === 'fr' ? ' ou ' : ' or ') : String(value);
  });
}

const builtinBlocks = new Set(['if', 'unless', 'each', 'with']);
const builtinHelpers = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log']);
const helpers = new Set<string>([...templateHelperNames, ...builtinHelpers]);
const helperList = [...templateHelperNames, 'if', 'unless', 'each', 'with', 'lookup'].join(', ');

/** What a variable check asks: a list of known paths, or a lookup (core's `VariableScope.has`). */
export type KnownVariables = Iterable<string> | ((path: string) => boolean);

interface Scope {
  /** Canonical path of `this`, e.g. `trigger.items[]`; '' at the root. */
  base: string;
  /** Block parameters (`as |item|`) and the path each stands for. */
  params: Map<string, string>;
}

type Node = hbs.AST.Node;

/**
 * Checks a template's syntax and that every variable it reads is known: `variables` lists dot paths
 * (`trigger.customer.email`, list elements as `items.0`, `items[]` or `items.*`) or answers for a path
 * (core's `VariableScope.has`, which also accepts anything below open parts).
 * @example
 * validateTemplateSource('{{trigger.nom}}', ['trigger.name']); // [{ code: 'unknown_variable', ... }]
 */
export function validateTemplateSource(source: string, variables: KnownVariables): TemplateProblem[] {
  let ast: hbs.AST.Program;
  try {
    ast = handlebars().parse(source);
  } catch (error) {
    return [syntaxProblem(error, source)];
  }
  const problems: TemplateProblem[] = [];
  const known = typeof variables === 'function' ? variables : listScope(variables);
  walkProgram(ast, [{ base: '', params: new Map() }], known, problems);
  if (problems.length === 0) {
    try {
      handlebars().precompile(ast, compileOptions);
    } catch (error) {
      problems.push(syntaxProblem(error, source));
    }
  }
  return problems;
}

export { canonicalPath };

/** True when `path` (e.g. `trigger.items.0.sku`) is one of `variables` or an ancestor of one. */
export function isKnownVariable(path: string, variables: KnownVariables): boolean {
  return typeof variables === 'function' ? variables(path) : listScope(variables)(path);
}

function listScope(variables: Iterable<string>): (path: string) => boolean {
  const list: VariableInfo[] = [];
  const arrays = new Set<string>();
  for (const path of variables) {
    list.push({ path });
    // `items.0.name` says `items` is a list, so `items.length` is known too.
    const canonical = canonicalPath(path);
    for (const match of canonical.matchAll(/\[\]/g)) arrays.add(canonical.slice(0, match.index));
  }
  for (const path of arrays) list.push({ path, type: 'array' });
  return createVariableScope(list).has;
}

type Known = (path: string) => boolean;

function walkProgram(
  program: hbs.AST.Program | undefined,
  scopes: Scope[],
  known: Known,
  problems: TemplateProblem[],
): void {
  if (!program) return;
  for (const statement of program.body) walkNode(statement, scopes, known, problems);
}

function walkNode(node: Node, scopes: Scope[], known: Known, problems: TemplateProblem[]): void {
  switch (node.type) {
    case 'MustacheStatement':
    case 'SubExpression': {
      const call = node as hbs.AST.MustacheStatement;
      const isCall = call.params.length > 0 || (call.hash?.pairs.length ?? 0) > 0 || node.type === 'SubExpression';
      if (call.path.type === 'PathExpression') {
        const path = call.path as hbs.AST.PathExpression;
        if (isCall || (isHelperName(path) && !isVariableLike(path, scopes))) checkHelper(path, problems);
        else checkPath(path, scopes, known, problems);
      }
      walkParams(call.params, call.hash, scopes, known, problems);
      return;
    }
    case 'BlockStatement': {
      const block = node as hbs.AST.BlockStatement;
      const path = block.path as hbs.AST.PathExpression;
      walkParams(block.params, block.hash, scopes, known, problems);
      const name = path.original;
      if (!builtinBlocks.has(name) && !helpers.has(name)) {
        // A block over a plain variable iterates or scopes like #each/#with; treat it as #with.
        checkPath(path, scopes, known, problems);
      }
      const scope = blockScope(block, scopes);
      walkProgram(block.program, scope ? [...scopes, scope] : scopes, known, problems);
      walkProgram(block.inverse, scopes, known, problems);
      return;
    }
    case 'PartialStatement':
    case 'PartialBlockStatement':
      problems.push({
        code: 'partial_not_allowed',
        message: 'partials are not allowed in templates',
        ...position(node),
        params: { ...position(node) },
      });
      return;
    default:
      return;
  }
}

function walkParams(
  params: hbs.AST.Expression[],
  hash: hbs.AST.Hash | undefined,
  scopes: Scope[],
  known: Known,
  problems: TemplateProblem[],
): void {
  const values = [...params, ...(hash?.pairs.map((pair) => pair.value) ?? [])];
  for (const value of values) {
    if (value.type === 'PathExpression') checkPath(value as hbs.AST.PathExpression, scopes, known, problems);
    else if (value.type === 'SubExpression') walkNode(value, scopes, known, problems);
  }
}

function blockScope(block: hbs.AST.BlockStatement, scopes: Scope[]): Scope | null {
  const name = (block.path as hbs.AST.PathExpression).original;
  const first = block.params[0];
  const target = first?.type === 'PathExpression' ? resolve(first as hbs.AST.PathExpression, scopes) : null;
  const blockParams = block.program.blockParams ?? [];
  if (name === 'each' && target !== null) {
    const item = `${target}[]`;
    const params = new Map<string, string>();
    if (blockParams[0]) params.set(blockParams[0], item);
    return { base: item, params };
  }
  if (name === 'with' && target !== null) {
    const params = new Map<string, string>();
    if (blockParams[0]) params.set(blockParams[0], target);
    return { base: target, params };
  }
  if (!builtinBlocks.has(name) && !helpers.has(name)) {
    const own = resolve(block.path as hbs.AST.PathExpression, scopes);
    return own === null ? null : { base: own, params: new Map() };
  }
  return null;
}

/** Canonical full path of a path expression, or null when it cannot be checked (`@index`, `this`). */
function resolve(path: hbs.AST.PathExpression, scopes: Scope[]): string | null {
  if (path.data) {
    if (path.parts[0] === 'root' && path.parts.length > 1) return canonicalPath(path.parts.slice(1).join('.'));
    return null;
  }
  const scope = scopes[scopes.length - 1 - path.depth] ?? scopes[0];
  if (!scope) return null;
  if (path.parts.length === 0) return scope.base === '' ? null : scope.base;
  const [head, ...rest] = path.parts as [string, ...string[]];
  for (let i = scopes.length - 1; i >= 0 && path.depth === 0; i--) {
    const param = scopes[i]?.params.get(head);
    if (param !== undefined) return canonicalPath([param, ...rest].join('.'));
  }
  const joined = path.parts.join('.');
  return canonicalPath(scope.base === '' ? joined : `${scope.base}.${joined}`);
}

function checkPath(path: hbs.AST.PathExpression, scopes: Scope[], known: Known, problems: TemplateProblem[]): void {
  const full = resolve(path, scopes);
  if (full === null || known(full)) return;
  const where = position(path);
  problems.push({
    code: 'unknown_variable',
    message: `unknown variable "${path.original}"`,
    variable: path.original,
    ...where,
    params: { variable: path.original, ...where },
  });
}

function checkHelper(path: hbs.AST.PathExpression, problems: TemplateProblem[]): void {
  if (helpers.has(path.original)) return;
  const where = position(path);
  problems.push({
    code: 'unknown_helper',
    message: `unknown helper "${path.original}" (available: ${helperList})`,
    ...where,
    params: { helper: path.original, helpers: helperList, ...where },
  });
}

function isHelperName(path: hbs.AST.PathExpression): boolean {
  return !path.data && path.parts.length === 1 && helpers.has(path.original);
}

function isVariableLike(path: hbs.AST.PathExpression, scopes: Scope[]): boolean {
  return path.depth > 0 || scopes.some((scope) => scope.params.has(path.original));
}

function position(node: Node): { line?: number; column?: number } {
  const loc = node.loc;
  return loc ? { line: loc.start.line, column: loc.start.column + 1 } : {};
}

/** Handlebars' token names, as people write them. */
const TOKENS: Record<string, LocalizedText> = {
  CLOSE: { fr: '« }} »', en: '"}}"' },
  CLOSE_UNESCAPED: { fr: '« }}} »', en: '"}}}"' },
  CLOSE_RAW_BLOCK: { fr: '« }}}} »', en: '"}}}}"' },
  OPEN_ENDBLOCK: { fr: 'la fin du bloc « {{/…}} »', en: 'the end of the block "{{/…}}"' },
  INVERSE: { fr: '« {{else}} »', en: '"{{else}}"' },
  OPEN_INVERSE_CHAIN: { fr: '« {{else …}} »', en: '"{{else …}}"' },
  ID: { fr: 'un nom de variable', en: 'a variable name' },
  OPEN_SEXPR: { fr: '« ( »', en: '"("' },
  CLOSE_SEXPR: { fr: '« ) »', en: '")"' },
  EOF: { fr: 'la fin du texte', en: 'the end of the text' },
  INVALID: { fr: 'un caractère invalide', en: 'an invalid character' },
  EQUALS: { fr: '« = »', en: '"="' },
  SEP: { fr: '« . »', en: '"."' },
};
const VALUE_TOKENS = new Set(['STRING', 'NUMBER', 'BOOLEAN', 'UNDEFINED', 'NULL', 'DATA']);

/**
 * A parse or compile error with its line, column, what was expected and what was found. Handlebars' parser
 * keeps its lexer's last location after a failed (synchronous) parse, which gives the column.
 */
function syntaxProblem(error: unknown, source: string): TemplateProblem {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split('\n')[0] ?? message;
  const detail = error as { lineNumber?: number; column?: number };
  const parse = /Expecting (.+), got '([^']+)'$/m.exec(message);
  let line = Number(/line (\d+)/i.exec(first)?.[1] ?? detail.lineNumber ?? 1);
  let column = typeof detail.column === 'number' ? detail.column + 1 : 1;
  const params: Record<string, unknown> = {};
  if (parse) {
    const found = parse[2] as string;
    const location = (
      handlebars() as unknown as { Parser?: { lexer?: { yylloc?: { first_line?: number; first_column?: number } } } }
    ).Parser?.lexer?.yylloc;
    if (found === 'EOF') {
      const lines = source.split('\n');
      line = lines.length;
      column = (lines[lines.length - 1] ?? '').length + 1;
    } else if (location?.first_line !== undefined && location.first_column !== undefined) {
      line = location.first_line;
      column = location.first_column + 1;
    }
    const tokens = [...new Set((parse[1] as string).split(', ').map((token) => token.replace(/'/g, '')))];
    params.expected = expectedText(tokens);
    params.found = TOKENS[found] ?? found;
    params.expectedTokens = tokens;
    params.foundToken = found;
  } else {
    const mismatch = /^(\S+) doesn't match (\S+)/.exec(first);
    if (mismatch) {
      params.expected = { fr: `« {{/${mismatch[1]}}} »`, en: `"{{/${mismatch[1]}}}"` };
      params.found = `{{/${mismatch[2]}}}`;
    }
  }
  return {
    code: 'template_syntax',
    message: `template syntax error at line ${line}, column ${column}: ${first.replace(/ - \d+:\d+$/, '')}`,
    line,
    column,
    params: { line, column, ...params },
  };
}

/** Expected tokens as text, per language; a long list of block openers reads as "text or a tag". */
function expectedText(tokens: string[]): LocalizedText {
  const named = tokens.filter((token) => TOKENS[token]);
  const values = tokens.some((token) => VALUE_TOKENS.has(token));
  const parts = (lang: 'fr' | 'en'): string[] => {
    const list = named.map((token) => (TOKENS[token] as LocalizedText)[lang]);
    if (values) list.push(lang === 'fr' ? 'une valeur' : 'a value');
    if (list.length === 0) list.push(lang === 'fr' ? 'du texte ou une balise {{…}}' : 'text or a {{…}} tag');
    return list.slice(0, 4);
  };
  return { fr: parts('fr').join(' ou '), en: parts('en').join(' or ') };
}

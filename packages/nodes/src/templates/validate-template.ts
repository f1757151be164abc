import Handlebars from 'handlebars';
import { templateHelperNames } from './helpers';
import { compileOptions } from './renderer';

/** A problem found in a template before it is saved. */
export interface TemplateProblem {
  code: 'template_syntax' | 'unknown_variable' | 'unknown_helper' | 'partial_not_allowed';
  message: string;
  /** 1-based, when known. */
  line?: number;
  column?: number;
  /** The variable path as written, for `unknown_variable`. */
  variable?: string;
}

const builtinBlocks = new Set(['if', 'unless', 'each', 'with']);
const builtinHelpers = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log']);
const helpers = new Set<string>([...templateHelperNames, ...builtinHelpers]);

interface Scope {
  /** Canonical path of `this`, e.g. `trigger.items[]`; '' at the root. */
  base: string;
  /** Block parameters (`as |item|`) and the path each stands for. */
  params: Map<string, string>;
}

type Node = hbs.AST.Node;

/**
 * Checks a template's syntax and that every variable it reads is in `variables` (dot paths such as
 * `trigger.customer.email`; array elements as `items[]`, `items.0` or `items.*`).
 * @example
 * validateTemplateSource('{{trigger.nom}}', ['trigger.name']); // [{ code: 'unknown_variable', ... }]
 */
export function validateTemplateSource(source: string, variables: Iterable<string>): TemplateProblem[] {
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(source);
  } catch (error) {
    return [syntaxProblem(error)];
  }
  const problems: TemplateProblem[] = [];
  const known = indexVariables(variables);
  walkProgram(ast, [{ base: '', params: new Map() }], known, problems);
  if (problems.length === 0) {
    try {
      Handlebars.precompile(ast, compileOptions);
    } catch (error) {
      problems.push(syntaxProblem(error));
    }
  }
  return problems;
}

/** Canonical form of a variable path: array indexes and wildcards become `[]`. */
export function canonicalPath(path: string): string {
  return path
    .replace(/\[\d*\]/g, '[]')
    .replace(/\.(\d+|\*)(?=\.|\[|$)/g, '[]')
    .replace(/\.\[\]/g, '[]');
}

/** True when `path` (e.g. `trigger.items.0.sku`) is one of `variables` or an ancestor of one. */
export function isKnownVariable(path: string, variables: Iterable<string>): boolean {
  return isKnown(canonicalPath(path), indexVariables(variables));
}

interface KnownVariables {
  exact: Set<string>;
  prefixes: Set<string>;
}

function indexVariables(variables: Iterable<string>): KnownVariables {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  for (const variable of variables) {
    const path = canonicalPath(variable);
    exact.add(path);
    // Every ancestor of a known leaf is readable too (`{{#if trigger.customer}}`, `{{#each trigger.items}}`).
    for (let i = 0; i < path.length; i++) {
      if (path[i] === '.' || path[i] === '[') prefixes.add(path.slice(0, i));
    }
  }
  return { exact, prefixes };
}

function isKnown(path: string, known: KnownVariables): boolean {
  if (known.exact.has(path) || known.prefixes.has(path)) return true;
  // Arrays expose their length: `{{pluralize trigger.items.length "article"}}`.
  return path.endsWith('.length') && known.prefixes.has(path.slice(0, -'.length'.length));
}

function walkProgram(program: hbs.AST.Program | undefined, scopes: Scope[], known: KnownVariables, problems: TemplateProblem[]): void {
  if (!program) return;
  for (const statement of program.body) walkNode(statement, scopes, known, problems);
}

function walkNode(node: Node, scopes: Scope[], known: KnownVariables, problems: TemplateProblem[]): void {
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
      problems.push({ code: 'partial_not_allowed', message: 'partials are not allowed in templates', ...position(node) });
      return;
    default:
      return;
  }
}

function walkParams(params: hbs.AST.Expression[], hash: hbs.AST.Hash | undefined, scopes: Scope[], known: KnownVariables, problems: TemplateProblem[]): void {
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

function checkPath(path: hbs.AST.PathExpression, scopes: Scope[], known: KnownVariables, problems: TemplateProblem[]): void {
  const full = resolve(path, scopes);
  if (full === null || isKnown(full, known)) return;
  problems.push({
    code: 'unknown_variable',
    message: `unknown variable "${path.original}"`,
    variable: path.original,
    ...position(path),
  });
}

function checkHelper(path: hbs.AST.PathExpression, problems: TemplateProblem[]): void {
  if (helpers.has(path.original)) return;
  problems.push({ code: 'unknown_helper', message: `unknown helper "${path.original}"`, ...position(path) });
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

function syntaxProblem(error: unknown): TemplateProblem {
  const message = error instanceof Error ? error.message : String(error);
  const match = /line (\d+)/i.exec(message);
  const line = match ? Number(match[1]) : undefined;
  return {
    code: 'template_syntax',
    message: `template syntax error: ${message.split('\n')[0] ?? message}`,
    ...(line !== undefined ? { line } : {}),
  };
}

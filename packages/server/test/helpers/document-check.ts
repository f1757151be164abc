import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

type Operation = { operationId: string; responses: Record<string, { content?: Record<string, unknown> }> };
type OpenApi = { paths: Record<string, Record<string, Operation>> };

/** What a checked answer was: its operation, its status, and the parsed JSON body (if any). */
export interface CheckedAnswer {
  operationId: string;
  status: number;
  body: any;
  response: Response;
}

/**
 * Checks real answers against the OpenAPI document with ajv: the status must be documented for the operation, and
 * a JSON body must match the documented schema. Records which statuses of which operations were seen.
 */
export function createDocumentCheck(document: OpenApi): {
  check(method: string, path: string, response: Response): Promise<CheckedAnswer>;
  seen: Map<string, Set<number>>;
  operations: { operationId: string; statuses: number[] }[];
} {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addFormat('binary', true);
  ajv.addSchema({ ...document, $id: 'openapi.json' });
  const compiled = new Map<string, ValidateFunction>();
  const templates = Object.keys(document.paths)
    .map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      params: (template.match(/\{/g) ?? []).length,
    }))
    .sort((a, b) => a.params - b.params);
  const seen = new Map<string, Set<number>>();

  const validatorOf = (pointer: string): ValidateFunction => {
    let validate = compiled.get(pointer);
    if (!validate) {
      validate = ajv.compile({ $ref: `openapi.json#${pointer.replace(/\{/g, '%7B').replace(/\}/g, '%7D')}` });
      compiled.set(pointer, validate);
    }
    return validate;
  };

  return {
    seen,
    operations: Object.values(document.paths).flatMap((methods) =>
      Object.values(methods).map((operation) => ({
        operationId: operation.operationId,
        statuses: Object.keys(operation.responses).map(Number),
      })),
    ),
    async check(method, path, response) {
      const pathname = new URL(path, 'http://localhost').pathname;
      const lower = method.toLowerCase();
      const match = templates.find((t) => t.pattern.test(pathname) && document.paths[t.template]?.[lower]);
      if (!match) throw new Error(`${method} ${pathname} is not in the document`);
      const operation = document.paths[match.template]![lower]!;
      const where = `${operation.operationId} (${method} ${pathname}) answered ${response.status}`;
      const documented = operation.responses[String(response.status)];
      if (!documented) throw new Error(`${where}, which its document does not list`);
      let body: unknown;
      const type = response.headers.get('content-type') ?? '';
      if (type.includes('application/json')) {
        body = await response.json();
        if (!documented.content?.['application/json']) throw new Error(`${where} with JSON it does not document`);
        const pointer = `/paths/${pointerSegment(match.template)}/${lower}/responses/${response.status}/content/application~1json/schema`;
        const validate = validatorOf(pointer);
        if (!validate(body)) {
          throw new Error(`${where}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`);
        }
      } else if (
        response.status !== 204 &&
        documented.content &&
        !Object.keys(documented.content).some((t) => type.startsWith(t))
      ) {
        throw new Error(`${where} as ${type}, documented as ${Object.keys(documented.content).join(', ')}`);
      }
      const statuses = seen.get(operation.operationId) ?? new Set<number>();
      statuses.add(response.status);
      seen.set(operation.operationId, statuses);
      return { operationId: operation.operationId, status: response.status, body, response };
    },
  };
}

function pointerSegment(template: string): string {
  return template.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Checks that what a loopback server answers has the shape GitHub documents: the response schema of
 * an operation in @octokit/openapi's description of api.github.com, validated with ajv.
 */
import * as fs from 'fs';
import Ajv, { type ValidateFunction } from 'ajv';

interface OpenApiSpec {
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown>; responses: Record<string, unknown> };
}

let spec: OpenApiSpec | undefined;
let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

function load(): { spec: OpenApiSpec; ajv: Ajv } {
  if (!spec || !ajv) {
    const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
    spec = JSON.parse(fs.readFileSync(file, 'utf8')) as OpenApiSpec;
    // OpenAPI 3.0 schemas: `nullable`, examples and vendor keywords; formats are not checked.
    ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema({ $id: 'github', components: { schemas: rebase(spec.components.schemas) } });
  }
  return { spec, ajv };
}

/** Points local `#/components/...` references at the registered `github` document. */
function rebase<T>(schema: T): T {
  return JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"github#/components/')) as T;
}

export interface ResponseToCheck {
  method: string;
  /** The documented path template, e.g. `/repos/{owner}/{repo}/git/trees/{tree_sha}`. */
  path: string;
  status: number;
  /** Default `application/json`. */
  contentType?: string;
  body: unknown;
}

/** The schema errors of a response (empty when it matches the documented schema). Throws when the operation is not documented. */
export function openApiResponseErrors(response: ResponseToCheck): string[] {
  const { spec, ajv } = load();
  const key = `${response.method.toLowerCase()} ${response.path} ${response.status} ${response.contentType ?? 'application/json'}`;
  let validate = validators.get(key);
  if (!validate) {
    const operation = spec.paths[response.path]?.[response.method.toLowerCase()];
    if (!operation) throw new Error(`${response.method} ${response.path} is not in the GitHub OpenAPI description`);
    let documented = operation.responses[String(response.status)] as { $ref?: string; content?: Record<string, { schema?: unknown }> } | undefined;
    if (documented?.$ref) documented = spec.components.responses[documented.$ref.split('/').pop() ?? ''] as typeof documented;
    const schema = documented?.content?.[response.contentType ?? 'application/json']?.schema;
    if (!schema) throw new Error(`no documented ${response.status} ${response.contentType ?? 'application/json'} response for ${key}`);
    validate = ajv.compile(rebase(schema) as object);
    validators.set(key, validate);
  }
  if (validate(response.body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
}

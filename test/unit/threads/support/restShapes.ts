/**
 * Validates REST bodies against @octokit/openapi's description of api.github.com. Like
 * test/support/openapi.ts, but also accepts OpenAPI 3.0's `nullable` on schemas without `type`
 * (as in the issue schema), which ajv refuses; see the threads report.
 */
import * as fs from 'fs';
import Ajv from 'ajv';

type Json = Record<string, unknown>;
interface Loaded {
  spec: Json & { paths: Json; components: Json };
  ajv: Ajv;
}
let cached: Loaded | undefined;

function normalize(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalize);
  if (typeof node !== 'object' || node === null) return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === 'example' || k === 'examples' ? undefined : normalize(v);
  if (out.nullable === true && out.type === undefined) {
    delete out.nullable;
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

function load(): Loaded {
  if (!cached) {
    const spec = JSON.parse(fs.readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8')) as Loaded['spec'];
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const components = JSON.parse(JSON.stringify(normalize(spec.components)).replace(/"#\/components\//g, '"github#/components/')) as Json;
    ajv.addSchema({ $id: 'github', components });
    cached = { spec, ajv };
  }
  return cached;
}

/** Schema errors of `body` as the documented `status` JSON answer of `method path` (empty when it matches). */
export function restShapeErrors(method: string, templatePath: string, status: number, body: unknown): string[] {
  const { spec, ajv } = load();
  const op = (spec.paths[templatePath] as Json | undefined)?.[method.toLowerCase()] as { responses: Record<string, { content?: Record<string, { schema: unknown }> }> } | undefined;
  const schema = op?.responses[String(status)]?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`no documented ${status} answer for ${method} ${templatePath}`);
  const validate = ajv.compile(JSON.parse(JSON.stringify(normalize(schema)).replace(/"#\/components\//g, '"github#/components/')) as Json);
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

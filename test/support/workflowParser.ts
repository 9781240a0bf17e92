/**
 * GitHub's own workflow parser and schema (@actions/workflow-parser, from actions/languageservices:
 * the schema behind the Actions editor experience). It ships as ES modules that import JSON the
 * bundler way, which Node cannot load directly, so the test bundles it once with esbuild.
 */
import { buildSync } from 'esbuild';
import { mkdtempSync, writeFileSync } from 'fs';
import { createRequire } from 'module';
import * as os from 'os';
import * as path from 'path';

interface ParserModule {
  parseWorkflow(file: { name: string; content: string }, trace: unknown): { value?: unknown; context: { errors: { getErrors(): Array<{ message: string }> } } };
  NoOperationTraceWriter: new () => unknown;
}

let loaded: ParserModule | undefined;

function parser(): ParserModule {
  if (!loaded) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'constellation-workflow-parser-'));
    const entry = path.join(dir, 'entry.mjs');
    writeFileSync(entry, "export { parseWorkflow, NoOperationTraceWriter } from '@actions/workflow-parser';\n");
    const outfile = path.join(dir, 'parser.cjs');
    buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'silent', nodePaths: [path.resolve(__dirname, '../../../node_modules')] });
    loaded = createRequire(__filename)(outfile) as ParserModule;
  }
  return loaded;
}

/** The problems GitHub's parser finds in a workflow file (empty when it is valid). */
export function workflowErrors(name: string, content: string): string[] {
  const { parseWorkflow, NoOperationTraceWriter } = parser();
  const result = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  return result.context.errors.getErrors().map((e) => e.message);
}

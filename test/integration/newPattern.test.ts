import * as assert from 'assert';
import { readdirSync, readFileSync, rmSync } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { parsePatternDocument } from '../../src/core/patterns/frontMatter';
import type { ConstellationApi } from '../../src/extension';
import type { PromptShown } from '../../src/vscode/platform/prompts';
import { fixturePatternInfo } from '../support/fixturePatterns';
import type { FixtureInfo } from '../support/fixtureWorkspace';
import { PromptDriver } from './support/prompts';
import { activeApi, eventually, fixture, fixtureUri } from './support/workbench';

const P = fixturePatternInfo();
const TITLE = 'Idempotent retries';
const SUMMARY = 'Retry only the requests that carry an idempotency key.';

/** Every file under a folder, relative to it. */
function filesUnder(folder: string): string[] {
  return (readdirSync(folder, { recursive: true, withFileTypes: true }) as Array<{ isFile(): boolean; name: string; parentPath: string }>)
    .filter((e) => e.isFile())
    .map((e) => path.relative(folder, path.join(e.parentPath, e.name)))
    .sort();
}

/** What a person types at each step of New Pattern from Selection (undefined: keep the proposed value). */
function answerFor(prompt: PromptShown): string | undefined {
  if (/^Title/.test(prompt.prompt)) return TITLE;
  if (/^Summary/.test(prompt.prompt)) return SUMMARY;
  if (prompt.prompt === 'Community') return 'reliability';
  return undefined;
}

describe('New Pattern from Selection, step by step', function () {
  this.timeout(90_000);
  let info: FixtureInfo;
  let api: ConstellationApi;
  let prompts: PromptDriver;
  let library: string;

  before(async () => {
    info = fixture();
    api = await activeApi();
    library = path.join(info.root, P.libraryDir);
    await eventually('the pattern catalogue', async () => ((await api.patterns.whenLoaded())?.patterns.length ? true : undefined));
  });
  beforeEach(async () => {
    prompts = new PromptDriver(api);
    const editor = await vscode.window.showTextDocument(fixtureUri(info, P.deprecatedUse.file));
    editor.selection = new vscode.Selection(5, 0, 10, 0);
  });
  afterEach(() => prompts.dispose());

  it('numbers every step it shows out of the same total, asks for the summary, and writes the file only after the last', async () => {
    const before = filesUnder(library);
    const run = vscode.commands.executeCommand<string>('constellation.patterns.newFromSelection');
    const shown: PromptShown[] = [];
    for (;;) {
      const prompt = await prompts.next();
      shown.push(prompt);
      const last = prompt.step === prompt.totalSteps;
      if (last) assert.deepStrictEqual(filesUnder(library), before, 'nothing written before the last step is answered');
      await prompts.accept(answerFor(prompt));
      if (last) break;
    }
    const file = await run;
    assert.ok(file, 'the command returns the new file');
    try {
      const total = shown[0].totalSteps;
      assert.ok(total && total >= 4, `at least title, id, summary and community: ${total}`);
      assert.deepStrictEqual(shown.map((p) => [p.step, p.totalSteps]), Array.from({ length: total }, (_, i) => [i + 1, total]), 'steps 1..N of N, none skipped or repeated');
      assert.ok(shown.some((p) => /^Summary/.test(p.prompt)), 'the summary is asked');
      assert.strictEqual(file, path.join(library, 'reliability', 'idempotent-retries.md'));
      const parsed = parsePatternDocument(readFileSync(file, 'utf8'), { file, source: 'test' });
      assert.deepStrictEqual(parsed.diagnostics.filter((d) => d.severity === 'error'), []);
      assert.strictEqual(parsed.pattern?.title, TITLE);
      assert.strictEqual(parsed.pattern?.summary, SUMMARY, 'the summary typed, not a placeholder');
      assert.strictEqual(parsed.pattern?.community, 'reliability');
      assert.deepStrictEqual(filesUnder(library), [...before, path.relative(library, file)].sort(), 'exactly one file written');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      rmSync(file, { force: true });
    }
    await eventually('catalogue reload after delete', async () => (api.patterns.catalogue()?.byId('idempotent-retries') ? undefined : true));
  });

  it('writes nothing when the person cancels at any step', async () => {
    const before = filesUnder(library);
    let total = Infinity;
    for (let cancelAt = 1; cancelAt <= total; cancelAt++) {
      const run = vscode.commands.executeCommand<string>('constellation.patterns.newFromSelection');
      for (;;) {
        const prompt = await prompts.next();
        total = prompt.totalSteps ?? 1;
        if (prompt.step === cancelAt) {
          await prompts.cancel();
          break;
        }
        await prompts.accept(answerFor(prompt));
      }
      assert.strictEqual(await run, undefined, `cancelled at step ${cancelAt}: no file`);
      assert.deepStrictEqual(filesUnder(library), before, `cancelled at step ${cancelAt}: nothing written`);
      assert.deepStrictEqual(prompts.unread().prompts, [], `cancelled at step ${cancelAt}: no step after it`);
    }
    assert.ok(total >= 4 && Number.isFinite(total));
  });
});

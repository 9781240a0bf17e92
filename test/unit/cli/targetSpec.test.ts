import * as assert from 'assert';
import { parseTargetSpec } from '../../../src/cli/targetSpec';
import { CliError, ExitCode } from '../../../src/cli/exitCodes';

describe('CLI target spec', () => {
  it('reads a plain path, a line and a range', () => {
    assert.deepStrictEqual(parseTargetSpec('src/a.ts'), { raw: 'src/a.ts', path: 'src/a.ts' });
    assert.deepStrictEqual(parseTargetSpec('src/a.ts:7'), { raw: 'src/a.ts:7', path: 'src/a.ts', startLine: 7, endLine: 7 });
    assert.deepStrictEqual(parseTargetSpec('src/a.ts:7-19'), { raw: 'src/a.ts:7-19', path: 'src/a.ts', startLine: 7, endLine: 19 });
  });

  it('keeps colons that belong to the path', () => {
    assert.strictEqual(parseTargetSpec('docs/a:b.md').path, 'docs/a:b.md');
    assert.deepStrictEqual(parseTargetSpec('odd:name.ts:3-4'), { raw: 'odd:name.ts:3-4', path: 'odd:name.ts', startLine: 3, endLine: 4 });
  });

  for (const bad of ['a.ts:0', 'a.ts:9-3', 'a.ts:-3', 'a.ts:3-', 'a.ts:', 'a.ts:1-2-3']) {
    it(`rejects the bad range in ${bad}`, () => {
      assert.throws(() => parseTargetSpec(bad), (err: unknown) => err instanceof CliError && err.exitCode === ExitCode.badRange && /bad range/.test(err.message));
    });
  }
});

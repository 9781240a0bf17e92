import * as assert from 'assert';
import { parseLineRange } from '../../../src/cli/targetSpec';

describe('CLI line ranges', () => {
  it('reads a line and a range', () => {
    assert.deepStrictEqual(parseLineRange('7'), { startLine: 7, endLine: 7 });
    assert.deepStrictEqual(parseLineRange('7-19'), { startLine: 7, endLine: 19 });
  });

  const bad: Array<[string, RegExp]> = [
    ['0', /start at 1/], ['9-3', /end comes before/], ['-3', /not a line range/], ['3-', /not a line range/],
    ['', /nothing after the colon/], ['1-2-3', /not a line range/], ['abc', /'abc' is not a line range/],
  ];
  for (const [text, why] of bad) {
    it(`says why '${text}' is not a range`, () => {
      const result = parseLineRange(text);
      assert.strictEqual(typeof result, 'string');
      assert.match(result as string, why);
    });
  }
});

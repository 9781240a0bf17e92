import * as assert from 'assert';
import { markedRange, MAX_MARKED_LINES, rangesOverlap } from '../../../src/vscode/patterns/usageRanges';

describe('lines a marker stands for', () => {
  const lines = ['// pattern: a', 'function f() {', '  return 1;', '}', '', 'const other = 2;'];

  it('runs from the marker to the end of the block under it', () => {
    assert.deepStrictEqual(markedRange(lines, 1), { startLine: 1, endLine: 4 });
  });

  it('is the marker line alone when a blank line follows', () => {
    assert.deepStrictEqual(markedRange(['x', '// pattern: a', '', 'y'], 2), { startLine: 2, endLine: 2 });
    assert.deepStrictEqual(markedRange(['// pattern: a'], 1), { startLine: 1, endLine: 1 });
  });

  it('is capped for a marker above a long block', () => {
    const long = Array.from({ length: 500 }, (_, i) => `line ${i}`);
    const range = markedRange(long, 10);
    assert.strictEqual(range.endLine - range.startLine + 1, MAX_MARKED_LINES);
  });

  it('overlaps inclusively', () => {
    assert.ok(rangesOverlap({ startLine: 1, endLine: 4 }, { startLine: 4, endLine: 9 }));
    assert.ok(!rangesOverlap({ startLine: 1, endLine: 4 }, { startLine: 5, endLine: 9 }));
  });
});

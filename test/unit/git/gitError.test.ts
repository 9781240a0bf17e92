import * as assert from 'assert';
import { classifyGitFailure, firstErrorLine } from '../../../src/core/git/gitError';
import { fixture as stderrOf } from './gitTestKit';

describe('git error classification', () => {
  const cases: [string, number, string][] = [
    ['stderr-not-a-repo.txt', 128, 'NotARepository'],
    ['stderr-bad-revision.txt', 128, 'BadRevision'],
    ['stderr-needed-single-revision.txt', 128, 'BadRevision'],
    ['stderr-bad-object.txt', 128, 'BadRevision'],
    ['stderr-no-such-path.txt', 128, 'UnknownPath'],
    ['stderr-blame-range.txt', 128, 'RangePastEnd'],
  ];
  for (const [file, exitCode, expected] of cases) {
    it(`classifies ${file} as ${expected}`, () => {
      assert.strictEqual(classifyGitFailure(exitCode, stderrOf(file)), expected);
    });
  }

  it('classifies shallow-related failures and falls back to Failed', () => {
    assert.strictEqual(classifyGitFailure(128, 'fatal: shallow file has changed since we read it'), 'Shallow');
    assert.strictEqual(classifyGitFailure(1, ''), 'Failed');
    assert.strictEqual(classifyGitFailure(128, 'fatal: unable to read 1234abcd'), 'Failed');
  });

  it('treats a dubious-ownership refusal as not a repository', () => {
    assert.strictEqual(classifyGitFailure(128, "fatal: detected dubious ownership in repository at '/x'"), 'NotARepository');
  });

  it('extracts the first meaningful line without the fatal prefix', () => {
    assert.strictEqual(firstErrorLine(stderrOf('stderr-no-such-path.txt')), "no such path 'missing.txt' in HEAD");
    assert.strictEqual(firstErrorLine('\n\nerror: boom\nmore'), 'boom');
    assert.strictEqual(firstErrorLine(''), '');
  });
});

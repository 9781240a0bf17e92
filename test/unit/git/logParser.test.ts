import * as assert from 'assert';
import { LogStreamParser, parseContact, parseLog, type LogCommit } from '../../../src/core/git/logParser';
import { fixture } from './gitTestKit';

/** Feeds `text` in pieces of `size` characters. */
function parseInChunks(text: string, size: number): LogCommit[] {
  const commits: LogCommit[] = [];
  const parser = new LogStreamParser((c) => commits.push(c));
  for (let i = 0; i < text.length; i += size) {
    parser.push(text.slice(i, i + size));
  }
  parser.end();
  return commits;
}

describe('log parser', () => {
  const output = fixture('log-hostile.out');

  it('parses every commit of the captured output, oldest first', () => {
    const commits = parseLog(output);
    assert.deepStrictEqual(
      commits.map((c) => c.authorName),
      ['Zoë Ångström', 'Bob Builder', 'Carl', 'Dana', 'Bob Builder', 'Carl'],
    );
    for (const c of commits) {
      assert.match(c.sha, /^[0-9a-f]{40}$/);
      assert.ok(c.authorTime > 1_500_000_000, `author time of ${c.sha}`);
    }
    assert.strictEqual(commits[0].parents.length, 0);
    assert.strictEqual(commits[5].parents.length, 2, 'the merge has two parents');
    assert.strictEqual(commits[5].changes.length, 0, 'merges show no diff');
    assert.strictEqual(commits[1].changes.length, 0, 'the empty commit has no change');
  });

  it('reads hostile paths exactly: spaces, unicode, quotes, newline, tab, separators', () => {
    const [first] = parseLog(output);
    const added = first.changes.map((c) => c.path).sort();
    assert.deepStrictEqual(added, [
      '.mailmap',
      "it's.txt",
      'new\nline.txt',
      'rec\x1esep\x1f.txt',
      'tab\there.txt',
      'with space.txt',
      'ünï cødé/файл "q".md',
    ]);
    assert.ok(first.changes.every((c) => c.status === 'A'));
  });

  it('reads renames with old and new path, and deletes', () => {
    const third = parseLog(output)[2];
    assert.deepStrictEqual(third.changes, [
      { status: 'R', oldPath: 'with space.txt', path: 'moved with space.txt' },
      { status: 'D', path: 'tab\there.txt' },
    ]);
  });

  it('reads co-author trailers, whatever the key case, with the author mailmapped', () => {
    const commits = parseLog(output);
    assert.strictEqual(commits[0].authorEmail, 'zoe@example.test');
    assert.deepStrictEqual(commits[0].coAuthors, [
      { name: 'Bob Builder', email: 'bob@example.test' },
      { name: 'Zoe Alias', email: 'ZOE@old.example' },
    ]);
    assert.deepStrictEqual(commits[4].coAuthors, [{ name: 'dana', email: 'dana@example.test' }]);
    assert.deepStrictEqual(commits[2].coAuthors, []);
  });

  it('gives the same result whatever the chunking, records split anywhere', () => {
    const whole = parseLog(output);
    for (const size of [1, 2, 3, 7, 64, 333]) {
      assert.deepStrictEqual(parseInChunks(output, size), whole, `chunks of ${size}`);
    }
  });

  it('emits a commit as soon as the next one starts (streaming)', () => {
    const seen: string[] = [];
    const parser = new LogStreamParser((c) => seen.push(c.sha));
    // The second header starts right after a NUL; it is complete at its own NUL.
    const secondHeaderEnd = output.indexOf('\0', output.indexOf('\0\x1e') + 1);
    parser.push(output.slice(0, secondHeaderEnd + 1));
    assert.strictEqual(seen.length, 1, 'first commit emitted before the end of input');
    parser.push(output.slice(secondHeaderEnd + 1));
    parser.end();
    assert.strictEqual(seen.length, 6);
  });

  it('survives empty and garbage input without throwing', () => {
    assert.deepStrictEqual(parseLog(''), []);
    const parser = new LogStreamParser(() => undefined);
    parser.push('garbage\0more garbage\0');
    parser.end();
    assert.strictEqual(parser.malformedTokens, 2);
  });

  it('parses contacts', () => {
    assert.deepStrictEqual(parseContact(' Ann  Lee <ann@x.test> '), { name: 'Ann  Lee', email: 'ann@x.test' });
    assert.deepStrictEqual(parseContact('<ann@x.test>'), { name: '', email: 'ann@x.test' });
    assert.deepStrictEqual(parseContact('ann@x.test'), { name: '', email: 'ann@x.test' });
    assert.strictEqual(parseContact('just a name'), undefined);
    assert.strictEqual(parseContact('Nobody <>'), undefined);
  });
});

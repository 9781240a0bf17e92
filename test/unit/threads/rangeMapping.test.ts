import * as assert from 'assert';
import { GitRunner } from '../../../src/core/git/gitRunner';
import { silentLogger } from '../../../src/core/logger';
import { createAnchor, type Anchor } from '../../../src/core/threads/anchor';
import { mapAnchorRange, type RangeMappingContext } from '../../../src/core/threads/rangeMapping';
import { TestRepo } from '../../support/gitRepo';

const alice = { name: 'Alice', email: 'alice@example.test' };
const bob = { name: 'Bob', email: 'bob@example.test' };

/** 30 distinct, realistic lines; the anchor covers lines 11-15 (`function charge` ... `}`). */
function sourceLines(): string[] {
  const lines: string[] = [];
  for (let i = 1; i <= 30; i++) {
    lines.push(`const setting${i} = loadSetting('key-${i}');`);
  }
  lines.splice(10, 5, 'function charge(card, amount) {', '  const fee = amount * RATE;', '  audit.log(card.id, fee);', '  return gateway.submit(card, amount + fee);', '}');
  return lines;
}

describe('mapAnchorRange over real git edits', () => {
  let repo: TestRepo;
  let anchor: Anchor;
  let ctx: RangeMappingContext;

  beforeEach(() => {
    repo = TestRepo.create();
    repo.write('src/billing.ts', sourceLines().join('\n') + '\n');
    const commit = repo.commit({ author: alice, date: '2024-01-01T10:00:00Z' });
    anchor = createAnchor({ remote: 'https://github.com/acme/shop', path: 'src/billing.ts', commit, startLine: 11, endLine: 15, fileText: sourceLines().join('\n') + '\n' });
    ctx = { git: new GitRunner({ logger: silentLogger }), repoRoot: repo.root, logger: silentLogger };
  });

  afterEach(() => repo.dispose());

  it('reports exact when nothing changed', async () => {
    assert.deepStrictEqual(await mapAnchorRange(anchor, ctx), { status: 'exact', path: 'src/billing.ts', startLine: 11, endLine: 15 });
  });

  it('shifts the range when lines are inserted and deleted above it (uncommitted)', async () => {
    const lines = sourceLines();
    lines.splice(2, 0, '// new header 1', '// new header 2', '// new header 3');
    lines.splice(0, 1); // delete the first line
    repo.write('src/billing.ts', lines.join('\n') + '\n');
    const mapped = await mapAnchorRange(anchor, ctx);
    assert.deepStrictEqual(mapped, { status: 'shifted', path: 'src/billing.ts', startLine: 13, endLine: 17 });
    assert.strictEqual(lines[mapped.startLine - 1], 'function charge(card, amount) {');
  });

  it('keeps the range and marks it edited when a line inside changes, and ignores edits below', async () => {
    const lines = sourceLines();
    lines[12] = '  audit.log(card.id, fee, "charge");';
    lines.splice(13, 0, '  metrics.count("charge");');
    lines.splice(25, 2);
    repo.write('src/billing.ts', lines.join('\n') + '\n');
    repo.commit({ author: bob, date: '2024-02-01T10:00:00Z' });
    assert.deepStrictEqual(await mapAnchorRange(anchor, ctx), { status: 'edited', path: 'src/billing.ts', startLine: 11, endLine: 16 });
  });

  it('reports outdated when the range is deleted', async () => {
    const lines = sourceLines();
    lines.splice(10, 5);
    repo.write('src/billing.ts', lines.join('\n') + '\n');
    const mapped = await mapAnchorRange(anchor, ctx);
    assert.strictEqual(mapped.status, 'outdated');
  });

  it('finds lines moved elsewhere in the file by their fingerprint after the diff says they were deleted', async () => {
    const lines = sourceLines();
    const moved = lines.splice(10, 5);
    lines.push(...moved);
    repo.write('src/billing.ts', lines.join('\n') + '\n');
    assert.deepStrictEqual(await mapAnchorRange(anchor, ctx), { status: 'relocated', path: 'src/billing.ts', startLine: 26, endLine: 30, similarity: 1 });
  });

  it('follows a rename with edits above the range', async () => {
    const lines = sourceLines();
    lines.splice(0, 0, 'import { RATE } from "./rates";', '');
    repo.remove('src/billing.ts');
    repo.write('src/payments/charge.ts', lines.join('\n') + '\n');
    repo.commit({ author: bob, date: '2024-03-01T10:00:00Z', message: 'move billing' });
    assert.deepStrictEqual(await mapAnchorRange(anchor, ctx), {
      status: 'shifted',
      path: 'src/payments/charge.ts',
      startLine: 13,
      endLine: 17,
      renamedFrom: 'src/billing.ts',
    });
  });

  it('falls back to the fingerprint when a rebase removed the anchored commit from the clone', async () => {
    // Rewrite history: the anchored commit is replaced, then pruned from the object store.
    const lines = sourceLines();
    lines.splice(5, 0, '// rebased in', '// two lines');
    lines[12] = 'function  charge(card,   amount) {'; // whitespace-only change
    repo.write('src/billing.ts', lines.join('\n') + '\n');
    repo.git(['commit', '-q', '-a', '--amend', '-m', 'rewritten'], { GIT_COMMITTER_DATE: '2024-04-01T10:00:00Z', GIT_AUTHOR_DATE: '2024-04-01T10:00:00Z' });
    repo.git(['reflog', 'expire', '--expire=now', '--all']);
    repo.git(['gc', '-q', '--prune=now']);
    assert.throws(() => repo.git(['cat-file', '-e', anchor.commit]));
    assert.deepStrictEqual(await mapAnchorRange(anchor, ctx), { status: 'relocated', path: 'src/billing.ts', startLine: 13, endLine: 17, similarity: 1 });
  });

  it('relocates fuzzily in a clone without the commit when lines inside were edited', async () => {
    const lines = sourceLines();
    lines.splice(0, 4);
    lines[7] = '  const fee = amount * FEE_RATE;';
    repo.write('src/billing.ts', lines.join('\n') + '\n');
    const foreign = { ...anchor, commit: 'f'.repeat(40) };
    const mapped = await mapAnchorRange(foreign, ctx);
    assert.strictEqual(mapped.status, 'relocated');
    assert.deepStrictEqual([mapped.startLine, mapped.endLine], [7, 11]);
    assert.ok(mapped.similarity !== undefined && mapped.similarity >= 0.6 && mapped.similarity < 1, `similarity ${mapped.similarity}`);
  });

  it('reports outdated when the commit is missing and the lines are gone', async () => {
    repo.write('src/billing.ts', 'export {};\n');
    const mapped = await mapAnchorRange({ ...anchor, commit: 'e'.repeat(40) }, ctx);
    assert.strictEqual(mapped.status, 'outdated');
  });
});

import * as assert from 'assert';
import type { BlameSummary } from '../../../src/core/git/historyTypes';
import { rankExperts, defaultExpertModelOptions } from '../../../src/core/experts/ranking';
import { degreeOfAuthorship } from '../../../src/core/experts/scoring';
import { isBot } from '../../../src/core/experts/bots';
import type { ExpertModelOptions, ExpertRanking } from '../../../src/core/experts/types';
import { classifyByDomain, DAY, handIndex, NOW, type HandChange } from './handIndex';

function options(overrides: Partial<ExpertModelOptions> = {}): ExpertModelOptions {
  return { ...defaultExpertModelOptions(NOW), formerAfterDays: 100_000, ...overrides };
}

function days(from: number, count: number, step = 1): number[] {
  return Array.from({ length: count }, (_, i) => from + i * step);
}

function rankFile(files: Record<string, HandChange[]>, path: string, opts: Partial<ExpertModelOptions> = {}, extra: Record<string, number> = {}): ExpertRanking {
  return rankExperts({ index: handIndex(files, extra), target: { path, kind: 'file' }, options: options(opts), classify: classifyByDomain, limit: 10 });
}

function emails(r: ExpertRanking): string[] {
  return r.experts.map((e) => e.email);
}

describe('rankExperts', () => {
  const staleVsFresh = {
    'src/a.ts': [
      { email: 'old@team.test', daysAgo: days(600, 20, 5), created: true },
      { email: 'new@team.test', daysAgo: [5, 10, 15] },
    ],
  };

  it('lets recent changes beat stale volume when the half-life is short', () => {
    assert.deepStrictEqual(emails(rankFile(staleVsFresh, 'src/a.ts', { halfLifeDays: 30 })), ['new@team.test', 'old@team.test']);
  });

  it('lets volume and authorship win when the half-life is very long', () => {
    assert.deepStrictEqual(emails(rankFile(staleVsFresh, 'src/a.ts', { halfLifeDays: 100_000 })), ['old@team.test', 'new@team.test']);
  });

  it('normalizes scores so the top expert scores 1 and all are within 0..1', () => {
    const r = rankFile(staleVsFresh, 'src/a.ts');
    assert.strictEqual(r.experts[0].score, 1);
    for (const e of r.experts) assert.ok(e.score > 0 && e.score <= 1, `${e.email}: ${e.score}`);
  });

  it('gives the creator the edge over an identical non-creator', () => {
    const r = rankFile({ 'a.ts': [{ email: 'b@team.test', daysAgo: [3, 9] }, { email: 'a@team.test', daysAgo: [3, 9], created: true }] }, 'a.ts');
    assert.deepStrictEqual(emails(r), ['a@team.test', 'b@team.test']);
    assert.ok(r.experts[1].score < 1);
    assert.strictEqual(r.experts[0].evidence.created, true);
    assert.match(r.experts[0].explanation, /created it/);
    assert.doesNotMatch(r.experts[1].explanation, /created it/);
  });

  it('computes Degree-of-Authorship as Fritz/Avelino define it', () => {
    // 3.293 + 1.098·1 + 0.164·5 − 0.321·ln(1+3) = 3.293 + 1.098 + 0.82 − 0.44501 = 4.76599
    assert.ok(Math.abs(degreeOfAuthorship(true, 5, 3) - 4.76599) < 1e-4);
    assert.ok(Math.abs(degreeOfAuthorship(false, 0, 0) - 3.293) < 1e-9);
    const r = rankFile({ 'a.ts': [{ email: 'a@team.test', daysAgo: days(1, 5), created: true }, { email: 'b@team.test', daysAgo: days(10, 3) }] }, 'a.ts');
    const a = r.experts.find((e) => e.email === 'a@team.test');
    const b = r.experts.find((e) => e.email === 'b@team.test');
    assert.ok(Math.abs((a?.evidence.doa ?? 0) - 4.76599) < 1e-4);
    // b: 3.293 + 0.164·3 − 0.321·ln(6) = 3.785 − 0.57515 = 3.20985
    assert.ok(Math.abs((b?.evidence.doa ?? 0) - 3.20985) < 1e-4);
  });

  describe('back-off', () => {
    const folder = {
      'src/pay/ledger.ts': [{ email: 'carol@team.test', daysAgo: days(5, 12, 3), created: true }, { email: 'dan@other.test', daysAgo: [40] }],
      'src/pay/card.ts': [{ email: 'carol@team.test', daysAgo: days(8, 6, 4), created: true }],
      'src/pay/new.ts': [{ email: 'newbie@team.test', daysAgo: [1], created: true }],
      'docs/readme.md': [{ email: 'writer@team.test', daysAgo: days(2, 30) }],
    };

    it('borrows the nearest folder with history for a file with too few changes', () => {
      const r = rankFile(folder, 'src/pay/new.ts', { backoffMinChanges: 3 });
      assert.ok(emails(r).includes('carol@team.test'));
      assert.ok(!emails(r).includes('writer@team.test'), 'a sibling folder is not evidence');
      const carol = r.experts.find((e) => e.email === 'carol@team.test');
      assert.strictEqual(carol?.evidence.backoffFolder, 'src/pay');
      assert.strictEqual(carol?.evidence.folderChanges, 18);
      assert.match(carol?.explanation ?? '', /^18 changes under src\/pay\/, last 5 days ago$/);
    });

    it('ranks a file missing from the index from its folder alone', () => {
      const r = rankFile(folder, 'src/pay/brandNew.ts', { backoffMinChanges: 3 });
      assert.strictEqual(r.experts[0].email, 'carol@team.test');
    });

    it('leaves a file with enough history alone', () => {
      const r = rankFile(folder, 'src/pay/ledger.ts', { backoffMinChanges: 3 });
      assert.ok(r.experts.every((e) => e.evidence.backoffFolder === undefined));
      assert.ok(!emails(r).includes('newbie@team.test'));
    });

    it('climbs further up, weighted down, when the nearest folder has too little history', () => {
      const near = rankFile(folder, 'src/pay/new.ts', { backoffMinChanges: 30 });
      const writer = near.experts.find((e) => e.email === 'writer@team.test');
      assert.strictEqual(writer?.evidence.backoffFolder, '');
      assert.match(writer?.explanation ?? '', /30 changes under the repository/);
      assert.strictEqual(near.experts[0].email, 'newbie@team.test', "the file's own change still counts most");
    });
  });

  it('excludes bots, built-in and configured', () => {
    const r = rankFile({
      'a.ts': [
        { email: '49699333+dependabot[bot]@users.noreply.github.com', name: 'dependabot[bot]', daysAgo: days(1, 40) },
        { email: 'bot@renovateapp.com', name: 'Renovate Bot', daysAgo: days(1, 30) },
        { email: 'ci@corp.test', name: 'CI Robot', daysAgo: days(1, 30) },
        { email: 'human@team.test', daysAgo: [50] },
      ],
    }, 'a.ts', { extraBots: ['ci robot'] });
    assert.deepStrictEqual(emails(r), ['human@team.test']);
    assert.ok(isBot('41898282+github-actions[bot]@users.noreply.github.com', 'github-actions[bot]', []));
    assert.ok(isBot('x@y.test', 'Release-Bot', ['release-bot']));
    assert.ok(!isBot('rob@team.test', 'Robert', []));
  });

  describe('former people', () => {
    const files = {
      'a.ts': [{ email: 'gone@team.test', daysAgo: days(400, 5), created: true }, { email: 'here@team.test', daysAgo: [420, 430, 440, 450] }],
      'b.ts': [{ email: 'here@team.test', daysAgo: [2] }],
    };

    it('flags and ranks down people without a recent commit anywhere', () => {
      const r = rankFile(files, 'a.ts', { formerAfterDays: 180, halfLifeDays: 100_000 });
      assert.deepStrictEqual(emails(r), ['here@team.test', 'gone@team.test']);
      assert.strictEqual(r.experts[1].former, true);
      assert.strictEqual(r.experts[0].former, false);
      assert.match(r.experts[1].explanation, /last commit in this repository 1 year ago/);
      assert.strictEqual(r.knowledgeAtRisk, false);
    });

    it('ranks the same person first when no one is former', () => {
      const r = rankFile(files, 'a.ts', { formerAfterDays: 1000, halfLifeDays: 100_000 });
      assert.strictEqual(r.experts[0].email, 'gone@team.test');
    });

    it('reports knowledge at risk when every ranked expert is former', () => {
      const r = rankFile({ 'a.ts': [{ email: 'x@team.test', daysAgo: [300] }, { email: 'y@team.test', daysAgo: [500] }] }, 'a.ts', { formerAfterDays: 180 });
      assert.strictEqual(r.experts.length, 2);
      assert.strictEqual(r.knowledgeAtRisk, true);
    });
  });

  it('uses blame for line ranges and explains it with the exact figures', () => {
    const index = handIndex({ 'src/x.ts': [{ email: 'a@team.test', daysAgo: days(21, 14), created: true }, { email: 'b@other.test', daysAgo: [1] }] });
    const blame: BlameSummary = {
      path: 'src/x.ts', startLine: 10, endLine: 59, totalLines: 50,
      linesByPerson: new Map([['a@team.test', 31], ['b@other.test', 19]]),
      names: new Map([['a@team.test', 'A'], ['b@other.test', 'B']]),
      lastTimeByPerson: new Map([['a@team.test', NOW - 21 * DAY], ['b@other.test', NOW - DAY]]),
      uncommittedLines: 0,
    };
    const r = rankExperts({ index, target: { path: 'src/x.ts', kind: 'lines', startLine: 10, endLine: 59 }, blame, options: options(), classify: classifyByDomain });
    assert.deepStrictEqual(r.target, { path: 'src/x.ts', kind: 'lines', startLine: 10, endLine: 59 });
    assert.strictEqual(r.experts[0].explanation, 'wrote 62% of these lines · 14 changes to this file, last 3 weeks ago · created it');
    assert.strictEqual(r.experts[1].explanation, 'wrote 38% of these lines · 1 change to this file, last yesterday');
    assert.strictEqual(r.experts[1].relationship, 'other-team');
  });

  it('ranks a folder from every file under it and explains it per folder', () => {
    const index = handIndex({
      'src/payments/a.ts': [{ email: 'p@team.test', daysAgo: days(10, 20), created: true }],
      'src/payments/b.ts': [{ email: 'p@team.test', daysAgo: days(40, 7) }, { email: 'q@team.test', daysAgo: [150], created: true }],
      'src/other/c.ts': [{ email: 'r@team.test', daysAgo: days(1, 50) }],
    });
    const r = rankExperts({ index, target: { path: 'src/payments/', kind: 'folder' }, options: options(), classify: classifyByDomain });
    assert.deepStrictEqual(emails(r), ['p@team.test', 'q@team.test']);
    assert.strictEqual(r.target.path, 'src/payments');
    assert.strictEqual(r.experts[0].explanation, '27 changes under src/payments/, last 1 week ago · created 1 file there');
    assert.strictEqual(r.experts[1].explanation, '1 change under src/payments/, last 5 months ago · created 1 file there');
    const root = rankExperts({ index, target: { path: '', kind: 'folder' }, options: options(), classify: classifyByDomain });
    assert.strictEqual(root.experts.length, 3);
  });

  it('respects the limit and calls the directory only for the experts returned', () => {
    const seen: string[] = [];
    const files = { 'a.ts': Array.from({ length: 8 }, (_, i) => ({ email: `p${i}@team.test`, daysAgo: days(1 + i, 8 - i) })) };
    const r = rankExperts({ index: handIndex(files), target: { path: 'a.ts', kind: 'file' }, options: options(), limit: 3, classify: (email) => { seen.push(email); return classifyByDomain(email); } });
    assert.deepStrictEqual(emails(r), ['p0@team.test', 'p1@team.test', 'p2@team.test']);
    assert.deepStrictEqual(seen, emails(r));
  });

  it('marks partial and shallow results', () => {
    const index = { ...handIndex({ 'a.ts': [{ email: 'a@team.test', daysAgo: [1] }] }), shallow: true };
    const r = rankExperts({ index, target: { path: 'a.ts', kind: 'file' }, options: options(), classify: classifyByDomain, partial: true });
    assert.strictEqual(r.partial, true);
    assert.strictEqual(r.historyIncomplete, true);
  });
});

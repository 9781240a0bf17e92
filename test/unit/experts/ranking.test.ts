import * as assert from 'assert';
import type { BlameSummary } from '../../../src/core/git/historyTypes';
import { rankExperts, defaultExpertModelOptions } from '../../../src/core/experts/ranking';
import { isBot } from '../../../src/core/experts/bots';
import { sectionExperts } from '../../../src/core/experts/display';
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

function blameOf(path: string, lines: Record<string, number>, startLine = 1): BlameSummary {
  const total = Object.values(lines).reduce((a, b) => a + b, 0);
  return {
    path, startLine, endLine: startLine + total - 1, totalLines: total,
    linesByPerson: new Map(Object.entries(lines)),
    names: new Map(Object.keys(lines).map((e) => [e, e.split('@')[0]])),
    lastTimeByPerson: new Map(Object.keys(lines).map((e) => [e, NOW - 30 * DAY])),
    uncommittedLines: 0,
  };
}

describe('rankExperts', () => {
  it('ranks the people who changed the file, scores within 0..1 with the top at 1', () => {
    const r = rankFile({ 'src/a.ts': [{ email: 'a@team.test', daysAgo: days(1, 6), created: true }, { email: 'b@team.test', daysAgo: [3] }] }, 'src/a.ts');
    assert.deepStrictEqual(emails(r), ['a@team.test', 'b@team.test']);
    assert.strictEqual(r.experts[0].score, 1);
    assert.ok(r.experts[1].score > 0 && r.experts[1].score < 1);
    assert.deepStrictEqual(r.experts.map((e) => e.evidenceKind), ['file', 'file']);
    assert.strictEqual(r.experts[0].explanation, '6 changes to this file, last yesterday · created it');
    assert.strictEqual(r.total, 2);
  });

  it('lets someone active now outrank someone with as much work on the file who stopped committing', () => {
    const files = {
      'src/a.ts': [{ email: 'gone@team.test', daysAgo: days(200, 5), created: true }, { email: 'here@team.test', daysAgo: days(210, 5) }],
      'src/b.ts': [{ email: 'here@team.test', daysAgo: days(1, 8) }],
    };
    assert.deepStrictEqual(emails(rankFile(files, 'src/a.ts')), ['here@team.test', 'gone@team.test']);
    // Without the activity terms (short and long run), the creator who did the same work more recently leads.
    const flat = rankExperts({ index: handIndex(files), target: { path: 'src/a.ts', kind: 'file' }, options: options(), classify: classifyByDomain, weights: { activity: 0, longActivity: 0 } });
    assert.deepStrictEqual(emails(flat), ['gone@team.test', 'here@team.test']);
  });

  it('keeps a long-standing regular who also works elsewhere above a newcomer with the same recent work on the file', () => {
    const files: Record<string, HandChange[]> = {
      'src/a.ts': [{ email: 'regular@team.test', daysAgo: [2, 4, 6] }, { email: 'newcomer@team.test', daysAgo: [3, 5, 7] }],
    };
    // regular@ also did twenty changes elsewhere 200–295 days ago; newcomer@ has no other history.
    for (let i = 0; i < 20; i++) files[`lib/m${i}.ts`] = [{ email: 'regular@team.test', daysAgo: [200 + i * 5] }];
    assert.deepStrictEqual(emails(rankFile(files, 'src/a.ts')), ['regular@team.test', 'newcomer@team.test']);
    // Without the long-run term, the newcomer, all of whose work is on the file, leads.
    const shortOnly = rankExperts({ index: handIndex(files), target: { path: 'src/a.ts', kind: 'file' }, options: options(), classify: classifyByDomain, weights: { longActivity: 0 } });
    assert.deepStrictEqual(emails(shortOnly), ['newcomer@team.test', 'regular@team.test']);
  });

  it('does not let one change to a file everyone touches outrank the person who maintains it', () => {
    const files: Record<string, HandChange[]> = {
      'docs/guide.md': [{ email: 'writer@team.test', daysAgo: days(2, 10, 7) }, { email: 'busy@team.test', daysAgo: [20] }],
    };
    // busy@ is everywhere: twenty other files, many changes each.
    for (let i = 0; i < 20; i++) files[`src/m${i}.ts`] = [{ email: 'busy@team.test', daysAgo: days(1 + i, 6) }];
    files['src/m0.ts'].push({ email: 'writer@team.test', daysAgo: [3] });
    const r = rankFile(files, 'docs/guide.md');
    assert.strictEqual(r.experts[0].email, 'writer@team.test');
  });

  describe('area', () => {
    const files: Record<string, HandChange[]> = {
      'src/pay/ledger.ts': [{ email: 'carol@team.test', daysAgo: days(5, 12, 3), created: true }, { email: 'dan@other.test', daysAgo: [40] }],
      'src/pay/card.ts': [{ email: 'carol@team.test', daysAgo: days(8, 6, 4), created: true }],
      'src/pay/new.ts': [{ email: 'newbie@team.test', daysAgo: [1], created: true }],
      'docs/readme.md': [{ email: 'writer@team.test', daysAgo: days(2, 30) }],
    };

    it('adds the people of the nearest folder with enough history, tagged area', () => {
      const r = rankFile(files, 'src/pay/new.ts', { backoffMinChanges: 3 });
      const newbie = r.experts.find((e) => e.email === 'newbie@team.test');
      assert.strictEqual(newbie?.evidenceKind, 'file');
      assert.deepStrictEqual(sectionExperts(r, { crossTeamFirst: true, count: 3 }).code.map((e) => e.email), ['newbie@team.test'], "the file's own author is shown first");
      const carol = r.experts.find((e) => e.email === 'carol@team.test');
      assert.strictEqual(carol?.evidenceKind, 'area');
      assert.deepStrictEqual(carol?.evidence.area, { folder: 'src/pay', changes: 18, lastChange: NOW - 5 * DAY });
      assert.strictEqual(carol?.explanation, '18 changes under src/pay/, last 5 days ago');
      assert.ok(!emails(r).includes('writer@team.test'), 'another folder is not evidence');
      assert.deepStrictEqual(r.area, { folder: 'src/pay', changes: 20 });
    });

    it('never falls back to the repository for a file with history of its own', () => {
      const r = rankFile(files, 'src/pay/new.ts', { backoffMinChanges: 1000 });
      assert.deepStrictEqual(emails(r), ['newbie@team.test']);
      assert.strictEqual(r.area, undefined);
    });

    it('ranks a file without history from its nearest folder, or from the repository when no folder has enough', () => {
      const fromFolder = rankFile(files, 'src/pay/brandNew.ts', { backoffMinChanges: 3 });
      assert.strictEqual(fromFolder.experts[0].email, 'carol@team.test');
      assert.ok(fromFolder.experts.every((e) => e.evidenceKind === 'area'));
      const fromRoot = rankFile(files, 'src/pay/brandNew.ts', { backoffMinChanges: 1000 });
      assert.strictEqual(fromRoot.area?.folder, '');
      assert.ok(emails(fromRoot).includes('writer@team.test'));
      assert.match(fromRoot.experts.find((e) => e.email === 'writer@team.test')?.explanation ?? '', /^30 changes under the repository/);
    });
  });

  it('puts the authors of the lines first for a range and says how much they wrote', () => {
    const index = handIndex({
      'src/x.ts': [{ email: 'a@team.test', daysAgo: days(21, 14), created: true }, { email: 'b@other.test', daysAgo: [1] }],
      'src/y.ts': [{ email: 'b@other.test', daysAgo: days(2, 12, 2) }],
    });
    const blame = blameOf('src/x.ts', { 'b@other.test': 45, 'a@team.test': 5 }, 10);
    const r = rankExperts({ index, target: { path: 'src/x.ts', kind: 'lines', startLine: 10, endLine: 59 }, blame, options: options(), classify: classifyByDomain });
    assert.deepStrictEqual(r.target, { path: 'src/x.ts', kind: 'lines', startLine: 10, endLine: 59 });
    assert.deepStrictEqual(emails(r), ['b@other.test', 'a@team.test']);
    assert.deepStrictEqual(r.experts.map((e) => e.evidenceKind), ['lines', 'lines']);
    assert.strictEqual(r.experts[0].explanation, 'wrote 90% of these lines · 1 change to this file, last yesterday');
    assert.strictEqual(r.experts[1].explanation, 'wrote 10% of these lines · 14 changes to this file, last 3 weeks ago · created it');
    assert.strictEqual(r.experts[0].relationship, 'other-team');
    // The same file as a whole: its maintainer leads.
    const file = rankExperts({ index, target: { path: 'src/x.ts', kind: 'file' }, options: options(), classify: classifyByDomain });
    assert.deepStrictEqual(emails(file), ['a@team.test', 'b@other.test']);
  });

  it('tags people without lines in the range by their evidence on the file', () => {
    const index = handIndex({ 'src/x.ts': [{ email: 'a@team.test', daysAgo: days(1, 9) }, { email: 'b@team.test', daysAgo: [4] }] });
    const r = rankExperts({ index, target: { path: 'src/x.ts', kind: 'lines', startLine: 1, endLine: 5 }, blame: blameOf('src/x.ts', { 'b@team.test': 5 }), options: options(), classify: classifyByDomain });
    assert.deepStrictEqual(r.experts.map((e) => [e.email, e.evidenceKind]).sort(), [['a@team.test', 'file'], ['b@team.test', 'lines']]);
  });

  describe('former people', () => {
    const files: Record<string, HandChange[]> = {
      'src/legacy/old.ts': [{ email: 'gone@team.test', daysAgo: days(400, 6), created: true }],
      'src/legacy/other.ts': [{ email: 'here@team.test', daysAgo: days(2, 10, 3) }, { email: 'also@other.test', daysAgo: days(5, 4, 9) }],
      'src/legacy/more.ts': [{ email: 'here@team.test', daysAgo: days(3, 10, 3) }],
    };

    it('puts the only author of a file first when he left, flagged, with the active people of the area after him', () => {
      const r = rankFile(files, 'src/legacy/old.ts', { formerAfterDays: 180, backoffMinChanges: 5 });
      assert.strictEqual(r.experts[0].email, 'gone@team.test');
      assert.strictEqual(r.experts[0].former, true);
      assert.strictEqual(r.knowledgeAtRisk, true);
      assert.deepStrictEqual(emails(r).slice(1), ['here@team.test', 'also@other.test']);
      assert.ok(r.experts.slice(1).every((e) => !e.former && e.evidenceKind === 'area'));
      assert.match(r.experts[0].explanation, /last commit in this repository 1 year ago/);
    });

    it('keeps former people marked, and ranked by the model, when someone active also wrote the code', () => {
      const r = rankFile({ 'a.ts': [{ email: 'gone@team.test', daysAgo: days(400, 5), created: true }, { email: 'here@team.test', daysAgo: [3] }] }, 'a.ts', { formerAfterDays: 180 });
      assert.deepStrictEqual(emails(r), ['here@team.test', 'gone@team.test']);
      assert.strictEqual(r.experts[1].former, true);
      assert.strictEqual(r.knowledgeAtRisk, false);
    });

    it('flags lines written only by people who left, even in a file someone active changed', () => {
      const index = handIndex({ 'a.ts': [{ email: 'gone@team.test', daysAgo: days(500, 5), created: true }, { email: 'here@team.test', daysAgo: [3] }] });
      const r = rankExperts({ index, target: { path: 'a.ts', kind: 'lines', startLine: 1, endLine: 8 }, blame: blameOf('a.ts', { 'gone@team.test': 8 }), options: options({ formerAfterDays: 180 }), classify: classifyByDomain });
      assert.deepStrictEqual(emails(r), ['gone@team.test', 'here@team.test']);
      assert.strictEqual(r.knowledgeAtRisk, true);
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
    assert.ok(isBot('eslint@googlegroups.com', 'GitHub Actions Bot'), 'a name ending in the word bot');
    assert.ok(isBot('jenkins@eslint-03', 'Jenkins'));
    assert.ok(isBot('198982749+Copilot@users.noreply.github.com', 'Copilot'));
    assert.ok(!isBot('rob@team.test', 'Robert', []));
    assert.ok(!isBot('talbot@team.test', 'Ann Talbot'), 'a surname is not the word bot');
    assert.ok(!isBot('jenkins.ann@team.test', 'Ann Jenkins'), 'nor a person called Jenkins');
  });

  it('leaves coding agents out, by their addresses and GitHub logins, not by a first name', () => {
    assert.ok(isBot('noreply@anthropic.com', 'Claude Opus 4.6 (1M context)'));
    assert.ok(isBot('242468646+claude@users.noreply.github.com', 'Claude'));
    assert.ok(isBot('codex@openai.com', 'GPT-5 Codex'));
    assert.ok(isBot('cursoragent@cursor.com', 'Cursor'));
    assert.ok(isBot('276251120+deepview-autofix@users.noreply.github.com', 'DeepView Autofix'), 'a name ending in the word autofix');
    assert.ok(isBot('oz-agent@warp.dev', 'Oz'), 'an address ending in the word agent');
    assert.ok(!isBot('claude@monet.test', 'Claude Monet'), 'a person called Claude');
    assert.ok(!isBot('9+claudette@users.noreply.github.com', 'Claudette'));
    assert.ok(!isBot('reagent@lab.test', 'Ann Reagent'), 'agent inside a word is not the word');
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
    assert.ok(r.experts.every((e) => e.evidenceKind === 'area'));
    const root = rankExperts({ index, target: { path: '', kind: 'folder' }, options: options(), classify: classifyByDomain });
    assert.strictEqual(root.experts.length, 3);
  });

  it('respects the limit, reports the true total and calls the directory only for the experts returned', () => {
    const seen: string[] = [];
    const files = { 'a.ts': Array.from({ length: 8 }, (_, i) => ({ email: `p${i}@team.test`, daysAgo: days(1 + i, 8 - i) })) };
    const r = rankExperts({ index: handIndex(files), target: { path: 'a.ts', kind: 'file' }, options: options(), limit: 3, classify: (email) => { seen.push(email); return classifyByDomain(email); } });
    assert.deepStrictEqual(emails(r), ['p0@team.test', 'p1@team.test', 'p2@team.test']);
    assert.strictEqual(r.total, 8);
    assert.deepStrictEqual(seen, emails(r));
  });

  it('marks partial and shallow results', () => {
    const index = { ...handIndex({ 'a.ts': [{ email: 'a@team.test', daysAgo: [1] }] }), shallow: true };
    const r = rankExperts({ index, target: { path: 'a.ts', kind: 'file' }, options: options(), classify: classifyByDomain, partial: true });
    assert.strictEqual(r.partial, true);
    assert.strictEqual(r.historyIncomplete, true);
  });
});

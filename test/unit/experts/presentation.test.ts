import * as assert from 'assert';
import { humaniseAge } from '../../../src/core/experts/relativeTime';
import { explain } from '../../../src/core/experts/explain';
import { comparable, groupByRelationship, sectionExperts, sortForDisplay } from '../../../src/core/experts/display';
import type { EvidenceKind, ExpertRanking, RankedExpert } from '../../../src/core/experts/types';
import type { Relationship } from '../../../src/core/directory/types';
import { DAY, NOW } from './handIndex';

function expert(email: string, score: number, relationship: Relationship, evidenceKind: EvidenceKind = 'file', former = false): RankedExpert {
  return { email, name: email, score, evidence: { changes: 1, created: false }, evidenceKind, explanation: '', former, placement: { email }, relationship };
}

function ranking(experts: RankedExpert[], extra: Partial<ExpertRanking> = {}): ExpertRanking {
  return { target: { path: 'a.ts', kind: 'file' }, experts, total: experts.length, knowledgeAtRisk: false, partial: false, historyIncomplete: false, ...extra };
}

describe('explanations', () => {
  it('humanises ages in buckets with correct plurals', () => {
    const cases: [number, string][] = [
      [0, 'today'], [0.9, 'today'], [1, 'yesterday'], [1.5, 'yesterday'], [2, '2 days ago'], [5, '5 days ago'],
      [7, '1 week ago'], [13, '1 week ago'], [21, '3 weeks ago'], [30, '1 month ago'], [45, '1 month ago'],
      [120, '4 months ago'], [364, '12 months ago'], [365, '1 year ago'], [800, '2 years ago'], [-3, 'today'],
    ];
    for (const [daysAgo, text] of cases) assert.strictEqual(humaniseAge(NOW - daysAgo * DAY, NOW), text, `${daysAgo} days`);
  });

  it('says "change" for one and "changes" for more, and only what the evidence holds', () => {
    assert.strictEqual(explain({ changes: 1, lastChange: NOW, created: false }, 'file', NOW, false), '1 change to this file, last today');
    assert.strictEqual(explain({ changes: 2, lastChange: NOW - 3 * DAY, created: true }, 'file', NOW, false), '2 changes to this file, last 3 days ago · created it');
    assert.strictEqual(explain({ changes: 0, created: false, blameShare: 0.004, blameLines: 1 }, 'file', NOW, false), 'wrote under 1% of this file');
    assert.strictEqual(explain({ changes: 3, lastChange: NOW - 400 * DAY, created: false, filesCreated: 2 }, 'folder', NOW, false, 'lib'), '3 changes under lib/, last 1 year ago · created 2 files there');
    assert.strictEqual(explain({ changes: 1, lastChange: NOW, created: false }, 'folder', NOW, false, ''), '1 change under the repository, last today');
    const area = { folder: 'src/pricing', changes: 12, lastChange: NOW - 14 * DAY };
    assert.strictEqual(explain({ changes: 0, created: false, area }, 'file', NOW, false), '12 changes under src/pricing/, last 2 weeks ago');
    assert.strictEqual(explain({ changes: 2, lastChange: NOW, created: false, area }, 'file', NOW, false), '2 changes to this file, last today', 'the area is said only without evidence on the code');
  });
});

describe('display order', () => {
  it('calls evidence comparable within a factor of two and of the same kind only', () => {
    assert.ok(comparable(expert('a', 1, 'unknown'), expert('b', 0.5, 'unknown')));
    assert.ok(!comparable(expert('a', 1, 'unknown'), expert('b', 0.49, 'unknown')));
    assert.ok(comparable(expert('a', 0.3, 'unknown', 'lines'), expert('b', 0.2, 'unknown', 'file')), 'lines and file both rest on the code');
    assert.ok(!comparable(expert('a', 1, 'unknown', 'file'), expert('b', 1, 'unknown', 'area')));
  });

  it('puts people outside your team first among comparable ones, never lifting weak evidence over strong', () => {
    const experts = [
      expert('mine@x', 1, 'your-team'),
      expert('who@x', 0.95, 'unknown'),
      expert('other@x', 0.6, 'other-team'),
      expert('vendor@x', 0.45, 'other-company'),
      expert('bu@x', 0.3, 'other-business-unit'),
      expert('area@x', 0.28, 'other-company', 'area'),
    ];
    // Runs: [mine, who, other] (≥ 0.5 of 1), [vendor, bu] (≥ 0.5 of 0.45), [area] (only the area).
    assert.deepStrictEqual(sortForDisplay(experts, true).map((e) => e.email), ['other@x', 'mine@x', 'who@x', 'vendor@x', 'bu@x', 'area@x']);
    assert.deepStrictEqual(sortForDisplay(experts, false).map((e) => e.email), experts.map((e) => e.email));
    const weak = sortForDisplay([expert('strong@x', 1, 'your-team'), expert('weak@x', 0.3, 'other-company')], true);
    assert.deepStrictEqual(weak.map((e) => e.email), ['strong@x', 'weak@x']);
  });

  it('shows the people who know the code, then at most two who only know the area, in the slots left', () => {
    const experts = [
      expert('a@x', 1, 'your-team'),
      expert('b@x', 0.9, 'your-team', 'area'),
      expert('c@x', 0.8, 'your-team', 'area'),
      expert('d@x', 0.7, 'your-team', 'area'),
      expert('e@x', 0.2, 'your-team', 'lines'),
    ];
    experts[1].evidence.area = { folder: 'src/pricing', changes: 12 };
    const five = sectionExperts(ranking(experts, { total: 9 }), { crossTeamFirst: true, count: 5 });
    assert.deepStrictEqual(five.code.map((e) => e.email), ['a@x', 'e@x']);
    assert.deepStrictEqual(five.area.map((e) => e.email), ['b@x', 'c@x']);
    assert.strictEqual(five.areaFolder, 'src/pricing');
    assert.strictEqual(five.total, 9);
    const two = sectionExperts(ranking(experts), { crossTeamFirst: true, count: 2 });
    assert.deepStrictEqual([...two.code, ...two.area].map((e) => e.email), ['a@x', 'e@x']);
  });

  it('keeps former people who alone wrote the code first, even cross-team first', () => {
    const experts = [expert('gone@x', 0.01, 'your-team', 'file', true), expert('here@x', 1, 'other-company', 'area')];
    const s = sectionExperts(ranking(experts, { knowledgeAtRisk: true }), { crossTeamFirst: true, count: 3 });
    assert.deepStrictEqual(s.code.map((e) => e.email), ['gone@x']);
    assert.deepStrictEqual(s.area.map((e) => e.email), ['here@x']);
  });

  it('groups in the fixed cross-team order, or by best score', () => {
    const experts = [
      expert('mine@x', 1, 'your-team'),
      expert('other@x', 0.8, 'other-team'),
      expert('vendor@x', 0.3, 'other-company'),
      expert('bu@x', 0.5, 'other-business-unit'),
      expert('mine2@x', 0.9, 'your-team'),
      expert('who@x', 0.95, 'unknown'),
    ];
    const fixed = groupByRelationship(experts);
    assert.deepStrictEqual(fixed.map((g) => g.relationship), ['other-company', 'other-business-unit', 'other-team', 'your-team', 'unknown']);
    assert.deepStrictEqual(fixed[3].experts.map((e) => e.email), ['mine@x', 'mine2@x']);
    assert.strictEqual(fixed[0].label, 'other company');
    const byScore = groupByRelationship(experts, false);
    assert.deepStrictEqual(byScore.map((g) => g.relationship), ['your-team', 'unknown', 'other-team', 'other-business-unit', 'other-company']);
    assert.deepStrictEqual(groupByRelationship([]), []);
  });
});

import * as assert from 'assert';
import { humaniseAge } from '../../../src/core/experts/relativeTime';
import { explain } from '../../../src/core/experts/explain';
import { groupByRelationship, sortForDisplay } from '../../../src/core/experts/display';
import type { RankedExpert } from '../../../src/core/experts/types';
import type { Relationship } from '../../../src/core/directory/types';
import { DAY, NOW } from './handIndex';

function expert(email: string, score: number, relationship: Relationship): RankedExpert {
  return { email, name: email, score, evidence: { changes: 1, created: false }, explanation: '', former: false, placement: { email }, relationship };
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
  });
});

describe('display order', () => {
  const experts = [
    expert('mine@x', 1, 'your-team'),
    expert('other@x', 0.8, 'other-team'),
    expert('vendor@x', 0.3, 'other-company'),
    expert('bu@x', 0.5, 'other-business-unit'),
    expert('mine2@x', 0.9, 'your-team'),
    expert('who@x', 0.95, 'unknown'),
  ];

  it('puts people outside your team first when asked, farthest first', () => {
    assert.deepStrictEqual(sortForDisplay(experts, true).map((e) => e.email), ['vendor@x', 'bu@x', 'other@x', 'mine@x', 'mine2@x', 'who@x']);
    assert.deepStrictEqual(sortForDisplay(experts, false).map((e) => e.email), ['mine@x', 'who@x', 'mine2@x', 'other@x', 'bu@x', 'vendor@x']);
  });

  it('groups in the fixed cross-team order, or by best score', () => {
    const fixed = groupByRelationship(experts);
    assert.deepStrictEqual(fixed.map((g) => g.relationship), ['other-company', 'other-business-unit', 'other-team', 'your-team', 'unknown']);
    assert.deepStrictEqual(fixed[3].experts.map((e) => e.email), ['mine@x', 'mine2@x']);
    assert.strictEqual(fixed[0].label, 'other company');
    const byScore = groupByRelationship(experts, false);
    assert.deepStrictEqual(byScore.map((g) => g.relationship), ['your-team', 'unknown', 'other-team', 'other-business-unit', 'other-company']);
    assert.deepStrictEqual(groupByRelationship([]), []);
  });
});

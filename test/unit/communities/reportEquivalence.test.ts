import * as assert from 'assert';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { computeCommunityReport } from '../../../src/core/communities/communityReport';
import type { CommunityReport } from '../../../src/core/communities/reportTypes';
import { buildGeneratedHistory, GENERATED_NOW, type GeneratedHistory } from './generatedHistory';

// The golden report lives next to the sources (the compiled test runs from out/).
const GOLDEN = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'unit', 'communities', 'generatedReport.golden.json');

/** The report without what depends on where and when the repository was built. */
function comparable(report: CommunityReport): CommunityReport {
  return { ...report, repositories: report.repositories.map((r) => ({ ...r, head: '(head)' })) };
}

describe('community report on a generated history', function () {
  this.timeout(120_000);
  let generated: GeneratedHistory;

  before(async () => {
    generated = await buildGeneratedHistory();
  });

  after(() => generated?.repo.dispose());

  // Two option sets: the defaults, and a short window with fewer co-changes per gap and another seed.
  const variants = { defaults: { now: GENERATED_NOW }, shortWindow: { now: GENERATED_NOW, windowDays: 150, minCoChanges: 2, collaborationDays: 30, seed: 3 } };

  it('gives the same reports as before its computation was restructured (golden file)', () => {
    const reports = Object.fromEntries(Object.entries(variants).map(([name, options]) => [name, comparable(JSON.parse(JSON.stringify(computeCommunityReport(generated.inputs, options))) as CommunityReport)]));
    // CONSTELLATION_WRITE_GOLDEN=1 records new golden reports: only when a result is meant to change.
    if (process.env.CONSTELLATION_WRITE_GOLDEN === '1') writeFileSync(GOLDEN, `${JSON.stringify(reports, null, 1)}\n`);
    assert.ok(existsSync(GOLDEN), `missing ${GOLDEN}`);
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, unknown>;
    for (const [name, report] of Object.entries(reports) as Array<[string, CommunityReport]>) {
      // The history exercises every section, so an empty one would make the comparison hollow.
      assert.ok(report.communities.every((c) => c.members.length > 0 && c.leadership.length > 0), name);
      assert.ok(report.boundarySpanners.length > 0 && report.coordinationGaps.length > 0, `${name}: ${report.boundarySpanners.length} spanners, ${report.coordinationGaps.length} gaps`);
      assert.deepStrictEqual(report, golden[name], name);
    }
  });
});

import * as assert from 'assert';
import { existsSync } from 'fs';
import * as path from 'path';
import { computeCommunityReport } from '../../../src/core/communities/communityReport';
import { parseCommunities } from '../../../src/core/communities/parseCommunities';
import { computeReportInThread, REPORT_WORKER_SCRIPT, ReportCancelled } from '../../../src/core/communities/reportThread';
import { commandUri, formatExpertsHover } from '../../../src/core/presentation/expertsMarkdown';
import type { RankedExpert } from '../../../src/core/experts/types';
import { resolveMe } from '../../../src/vscode/communities/communityModel';
import { appendedConfigText, newConfigText } from '../../../src/vscode/communities/createConfig';
import { joinModel } from '../../../src/vscode/communities/joinModel';
import { communityRolesOf } from '../../../src/vscode/communities/rolesProvider';
import { describeRoles } from '../../../src/vscode/experts/communityRoles';
import { messageForAction, parseFromCommunityPage } from '../../../src/webview/communities/messages';
import { NOW, P } from '../communities/plantedHistory';
import { plantedSnapshot, type PlantedSnapshot } from './plantedSnapshot';

describe('communities feature parts', function () {
  this.timeout(60_000);
  let planted: PlantedSnapshot;

  before(async () => {
    planted = await plantedSnapshot();
  });

  after(() => planted?.planted.repo.dispose());

  it('computes the same report in a worker thread as in place', async () => {
    const script = path.join(__dirname, '..', '..', '..', 'src', 'core', 'communities', REPORT_WORKER_SCRIPT);
    assert.ok(existsSync(script), `the worker is compiled at ${script}`);
    const inThread = await computeReportInThread(planted.inputs, { now: NOW }, { scriptDir: path.dirname(script) });
    assert.deepStrictEqual(inThread, computeCommunityReport(planted.inputs, { now: NOW }));
  });

  it('stops the worker when cancelled', async () => {
    const controller = new AbortController();
    const running = computeReportInThread(planted.inputs, { now: NOW }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    await assert.rejects(running, (err: unknown) => err instanceof ReportCancelled);
    const aborted = new AbortController();
    aborted.abort();
    await assert.rejects(computeReportInThread(planted.inputs, { now: NOW }, { signal: aborted.signal }), ReportCancelled);
  });

  it('accepts only well-formed messages from a page', () => {
    assert.deepStrictEqual(parseFromCommunityPage({ type: 'openFile', index: 2 }), { type: 'openFile', index: 2 });
    for (const bad of [null, 'openFile', { type: 'openFile', index: -1 }, { type: 'openFile', index: 1.5 }, { type: 'openFile', index: '2' }, { type: 'openCommunity', id: '../etc' }, { type: 'openPattern', id: 'a b' }, { type: 'run', command: 'x' }, { type: 'painted', firstContentfulPaintMs: -1 }]) {
      assert.strictEqual(parseFromCommunityPage(bad), undefined, JSON.stringify(bad));
    }
    assert.deepStrictEqual(messageForAction('join', 'reliability'), { type: 'join', id: 'reliability' });
    assert.deepStrictEqual(messageForAction('startGapThread', '3'), { type: 'startGapThread', index: 3 });
    assert.strictEqual(messageForAction('evaluate', '1'), undefined);
    assert.strictEqual(messageForAction('openFile', 'x'), undefined);
  });

  it('writes the proposals into a valid communities.yml, or adds them to an existing one keeping its comments', () => {
    const { proposals } = planted.snapshot.report;
    assert.ok(proposals.length > 0);
    const created = newConfigText(proposals);
    const parsed = parseCommunities(created, 'communities.yml');
    assert.deepStrictEqual(parsed.diagnostics, []);
    assert.deepStrictEqual(parsed.communities.map((c) => [c.id, c.stage, c.relationship]), proposals.map((p) => [p.id, 'potential', 'unrecognized']));
    assert.deepStrictEqual(parsed.communities[0].members.map((m) => m.email).sort(), [...proposals[0].people].sort());
    assert.deepStrictEqual(parseCommunities(newConfigText([]), 'x.yml').diagnostics, [], 'an empty file is valid too');

    const existing = `# our communities\ncommunities:\n  - id: reliability # keep me\n    name: Reliability\n    codeAreas: ["src/**"]\n`;
    const appended = appendedConfigText(existing, proposals);
    assert.strictEqual(appended.added, proposals.length);
    assert.match(appended.text, /^# our communities$/m);
    assert.match(appended.text, /# keep me/);
    const again = parseCommunities(appended.text, 'communities.yml');
    assert.deepStrictEqual(again.diagnostics, []);
    assert.deepStrictEqual(again.communities.map((c) => c.id), ['reliability', ...proposals.map((p) => p.id)]);
    assert.strictEqual(appendedConfigText(appended.text, proposals).added, 0, 'ids already there are skipped');
    assert.throws(() => appendedConfigText('communities: [\n', proposals, 'c.yml'), /c\.yml:\d+:\d+: .*fix it/);
  });

  it('lists how to join for a newcomer: adopted patterns, core members of other teams, open threads, code areas', () => {
    const { snapshot } = planted;
    const join = joinModel(snapshot, 'reliability', resolveMe(snapshot, [P.ned.email]));
    assert.ok(join);
    assert.strictEqual(join.myLevel, 'newcomer');
    assert.deepStrictEqual(join.patterns.map((p) => p.id), ['retry-with-backoff'], 'the proposed one is not required reading');
    const ned = snapshot.report.people[P.ned.email];
    assert.ok(join.people.length > 0 && join.people.every((p) => snapshot.report.people[p.key]?.team?.id !== ned.team?.id), 'other teams only');
    assert.ok(join.people.every((p) => snapshot.report.communities[0].members.find((m) => m.person === p.key)?.level === 'core'));
    assert.deepStrictEqual(join.threads.map((t) => t.thread.id), ['timeouts'], 'open threads only');
    assert.deepStrictEqual(join.areas, [{ glob: 'src/reliability/**' }]);
  });

  it('tells the experts who is core where, through directory aliases, and the hover says so on their line', () => {
    const roles = communityRolesOf(planted.snapshot);
    const core = planted.snapshot.report.communities[0].members.filter((m) => m.level === 'core').map((m) => m.person);
    assert.ok(core.includes(P.ana.email));
    assert.deepStrictEqual(roles.rolesOf(P.ana.email.toUpperCase()).map((r) => r.communityName), ['Reliability Guild']);
    assert.deepStrictEqual(roles.rolesOf('nobody@acme.test'), []);
    const expert = (name: string, email: string): RankedExpert => ({ email, name, score: 1, evidence: { changes: 1, created: false }, evidenceKind: 'file', explanation: 'wrote it', former: false, placement: { email }, relationship: 'other-team' });
    const text = formatExpertsHover(
      { target: { path: 'a.ts', kind: 'file' }, experts: [expert('Ana Alves', P.ana.email), expert('Dan Drive', P.dan.email)], total: 2, knowledgeAtRisk: false, partial: false, historyIncomplete: false },
      { crossTeamFirst: true, count: 3, commandLink: commandUri, target: undefined, indexing: false, communityRoles: (email) => describeRoles(roles.rolesOf(email)) },
    ) ?? '';
    // One row per expert: the roles sit between the badge and the evidence.
    assert.match(text, /^\*\*Ana Alves\*\* `other team` · \*core in Reliability Guild\* · 1 change \[/m);
    assert.match(text, /^\*\*Dan Drive\*\* `other team` · 1 change \[/m);
  });
});

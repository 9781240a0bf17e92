import * as assert from 'assert';
import { computeCommunityReport } from '../../../src/core/communities/communityReport';
import { parseCommunities } from '../../../src/core/communities/parseCommunities';
import { renderConstellation, renderKnowledge, renderParticipation, renderRings, renderTeamMatrix } from '../../../src/core/communities/charts';
import type { CommunityInputs } from '../../../src/core/communities/reportInputs';
import type { CommunityFigures, CommunityReport } from '../../../src/core/communities/reportTypes';
import { GitRunner } from '../../../src/core/git/gitRunner';
import { buildHistoryIndex } from '../../../src/core/git/historyIndexBuilder';
import { silentLogger } from '../../../src/core/logger';
import { buildPlantedHistory, COMMUNITIES_YAML, NOW, P, type Planted } from './plantedHistory';

describe('community report on a planted history', function () {
  this.timeout(120_000);
  let planted: Planted;
  let inputs: CommunityInputs;
  let report: CommunityReport;
  const community = (id: string): CommunityFigures => report.communities.find((c) => c.id === id)!;
  const levelOf = (id: string, email: string) => community(id).members.find((m) => m.person === email)?.level;

  before(async () => {
    planted = buildPlantedHistory();
    const index = await buildHistoryIndex(new GitRunner({ logger: silentLogger }), planted.repo.root);
    const { communities, diagnostics } = parseCommunities(COMMUNITIES_YAML, 'communities.yml');
    assert.deepStrictEqual(diagnostics, []);
    inputs = {
      communities,
      repositories: [{ name: 'acme/shop', index }],
      patterns: planted.patterns,
      threads: [{ community: 'reliability', threads: planted.threads }],
      directory: planted.directory,
    };
    report = computeCommunityReport(inputs, { now: NOW });
  });

  after(() => planted?.repo.dispose());

  it('puts the planted core members in the core and drive-by contributors at the periphery', () => {
    for (const core of [P.ana, P.ben, P.cyd]) assert.strictEqual(levelOf('reliability', core.email), 'core', core.name);
    for (const driveBy of [P.dan, P.eve]) assert.strictEqual(levelOf('reliability', driveBy.email), 'peripheral', driveBy.name);
    assert.strictEqual(levelOf('reliability', P.ned.email), 'newcomer');
    assert.ok(['core', 'active'].includes(levelOf('reliability', P.hal.email)!), 'hal works there month after month');
    const ana = community('reliability').members.find((m) => m.person === P.ana.email)!;
    assert.strictEqual(ana.evidence.commits, 12);
    assert.strictEqual(ana.evidence.threadsStarted, 2);
    assert.ok(ana.declaredMember);
  });

  it('resolves thread people by GitHub login and by name, and lists silent declared members', () => {
    const ben = community('reliability').members.find((m) => m.person === P.ben.email)!;
    assert.strictEqual(ben.evidence.replies, 2, 'benb is ben@acme.test in the directory');
    assert.strictEqual(ben.declaredRole, 'sponsor');
    assert.strictEqual(community('reliability').members.find((m) => m.person === P.cyd.email)!.evidence.replies, 1, '"Cyd Chan" is the name of cyd@ in the history');
    assert.ok(community('reliability').members.some((m) => m.person === P.leo.email), 'leo-lane resolves to leo@');
    assert.deepStrictEqual(community('reliability').silentMembers, ['zed@acme.test']);
  });

  it('finds a truck factor of 1 for the community with one dominant author, its islands and orphaned code', () => {
    const k = community('billing').knowledge;
    assert.strictEqual(k.truckFactor, 1);
    assert.deepStrictEqual(k.truckFactorPeople, [P.finn.email]);
    assert.strictEqual(k.files, 8);
    assert.deepStrictEqual(k.islands.files.map((f) => f.path).sort(), ['src/billing/README.md', 'src/billing/ledger.ts', 'src/billing/plans.ts', 'src/billing/tax.ts']);
    assert.deepStrictEqual(k.islandsByPerson, [{ person: P.finn.email, files: 3 }, { person: P.gus.email, files: 1 }]);
    assert.deepStrictEqual(k.orphaned.files.map((f) => [f.path, f.authors]), [['src/billing/legacy.ts', [P.old.email]]]);
    const suggestion = k.orphaned.files[0].suggestion!;
    assert.strictEqual(suggestion.person, P.nia.email, 'the newcomer who works next to it the most');
    assert.strictEqual(suggestion.level, 'newcomer');
    assert.match(suggestion.reason, /3 changes next to it in src\/billing/);
  });

  it('finds the planted cross-team contributor as a boundary spanner', () => {
    const spanners = report.boundarySpanners.map((s) => s.person);
    assert.ok(spanners.includes(P.hal.email), JSON.stringify(report.boundarySpanners));
    const hal = report.boundarySpanners.find((s) => s.person === P.hal.email)!;
    assert.deepStrictEqual(hal.communities.map((c) => c.id).sort(), ['billing', 'reliability']);
    assert.ok(hal.teamsReached.length >= 2);
    for (const notSpanner of [P.dan, P.eve, P.gus, P.ivy]) assert.ok(!spanners.includes(notSpanner.email), notSpanner.name);
    assert.ok(community('reliability').boundary.spanners.includes(P.hal.email));
    assert.ok(report.people[P.hal.email].boundarySpanner);
  });

  it('measures insularity from team shares of the activity', () => {
    const billing = community('billing').boundary;
    assert.strictEqual(billing.largestTeam?.id, 'payments');
    assert.ok(billing.insularity! > 0.6, String(billing.insularity));
    const reliability = community('reliability').boundary;
    assert.ok(reliability.insularity! < 0.4, String(reliability.insularity));
    assert.strictEqual(reliability.knownTeamShare, 1);
  });

  it('finds the planted coordination gap and not the pair whose owners talk in a thread', () => {
    assert.strictEqual(report.coordinationGaps.length, 1, JSON.stringify(report.coordinationGaps, null, 1));
    const gap = report.coordinationGaps[0];
    assert.deepStrictEqual(gap.sides.map((s) => [s.path, s.people, s.communities, s.teams.map((t) => t.id)]), [
      ['src/billing/invoice.ts', [P.finn.email], ['billing'], ['payments']],
      ['src/shipping/label.ts', [P.leo.email], ['shipping'], ['search']],
    ]);
    assert.deepStrictEqual(gap.crosses, ['community', 'team']);
    assert.strictEqual(gap.coChanges, 3);
    assert.deepStrictEqual(gap.suggestedThread.participants, [P.finn.email, P.leo.email]);
    assert.strictEqual(gap.suggestedThread.community, 'billing');
    assert.deepStrictEqual(community('shipping').gaps, [gap.id]);
    assert.deepStrictEqual(community('reliability').gaps, []);
  });

  it('recovers the planted unrecognized community with a draft entry the parser accepts', () => {
    assert.strictEqual(report.proposals.length, 1, JSON.stringify(report.proposals, null, 1));
    const proposal = report.proposals[0];
    assert.deepStrictEqual(proposal.people, [P.ivy.email, P.jon.email, P.kim.email]);
    assert.deepStrictEqual([...proposal.areas].sort(), ['lib/cache/**', 'lib/store/**']);
    assert.deepStrictEqual(proposal.teams.map((t) => t.id), ['payments', 'platform', 'search']);
    assert.strictEqual(proposal.coveredShare, 0);
    const draft = parseCommunities(proposal.draftYaml, 'draft.yml');
    assert.deepStrictEqual(draft.diagnostics, []);
    assert.strictEqual(draft.communities[0].stage, 'potential');
    assert.strictEqual(draft.communities[0].relationship, 'unrecognized');
    assert.deepStrictEqual(draft.communities[0].members.map((m) => m.email), proposal.people);
    const map = report.constellation;
    assert.deepStrictEqual(map.nodes.map((n) => [n.id, n.kind]), [['reliability', 'declared'], ['billing', 'declared'], ['shipping', 'declared'], [proposal.id, 'potential']]);
    assert.ok(map.links.some((l) => l.source === 'reliability' && l.target === 'billing' && l.people.includes(P.hal.email)));
  });

  it('lists declared leadership next to inferred roles with their evidence', () => {
    const lead = community('reliability').leadership;
    const has = (role: string, email: string, source: string) => lead.find((l) => l.role === role && l.person === email && l.source === source);
    assert.ok(has('dayToDay', P.ana.email, 'declared'));
    assert.ok(has('institutional', P.ben.email, 'declared'));
    assert.ok(!lead.some((l) => l.role === 'institutional' && l.source === 'inferred'));
    assert.match(has('classificatory', P.cyd.email, 'inferred')!.evidence.join(' '), /maintains pattern retry-with-backoff.*2 commits to the community's pattern documents/);
    assert.match(has('cuttingEdge', P.ben.email, 'inferred')!.evidence[0], /proposed pattern hedged-requests/);
    assert.match(has('dayToDay', P.ana.email, 'inferred')!.evidence.join(' '), /started 2 threads/);
    assert.match(has('interpersonal', P.ben.email, 'inferred')!.evidence.join(' '), /2 replies/);
    assert.ok(has('boundary', P.hal.email, 'inferred'));
    assert.ok(lead.some((l) => l.role === 'inspirational' && l.source === 'inferred' && [P.ana.email, P.ben.email, P.cyd.email].includes(l.person)));
    assert.ok(lead.every((l) => l.source === 'declared' ? l.evidence.length === 0 : l.evidence.length > 0));
  });

  it('keeps the declared stage next to the inferred one, with the activity curve', () => {
    const shipping = community('shipping');
    assert.strictEqual(shipping.stage.declared, 'coalescing');
    assert.strictEqual(shipping.declared.stage, 'coalescing');
    // leo and mo every month, and nia's three pairs of commits in the second half: 12 → 18.
    assert.strictEqual(shipping.stage.inferred, 'growing');
    assert.deepStrictEqual([shipping.stage.evidence.firstHalfActivity, shipping.stage.evidence.secondHalfActivity], [12, 18]);
    assert.strictEqual(shipping.participationOverTime.length, 13);
    assert.deepStrictEqual(shipping.participationOverTime.slice(0, 2).map((m) => m.month), ['2025-06', '2025-07']);
    assert.strictEqual(shipping.participationOverTime[0].commits, 2);
    assert.strictEqual(community('reliability').declared.relationship, 'legitimized');
  });

  it('builds the team × community matrix', () => {
    const m = report.teamMatrix;
    assert.deepStrictEqual(m.communities, ['reliability', 'billing', 'shipping']);
    const row = m.teams.findIndex((t) => t?.id === 'search');
    assert.strictEqual(m.core[row][m.communities.indexOf('shipping')], 2);
  });

  it('is JSON-serialisable and deterministic', () => {
    const text = JSON.stringify(report);
    assert.deepStrictEqual(JSON.parse(text), report);
    assert.strictEqual(JSON.stringify(computeCommunityReport(inputs, { now: NOW })), text);
  });

  it('renders the charts as themeable SVG with text alternatives, escaping what came from the repository', () => {
    const hostile = '<img src=x onerror=alert(1)> & "Ana"';
    const people = { ...report.people, [P.ana.email]: { ...report.people[P.ana.email], name: hostile } };
    const reliability = community('reliability');
    const charts = [
      renderRings(reliability, people),
      renderParticipation(reliability),
      renderKnowledge(community('billing'), people),
      renderTeamMatrix(report.teamMatrix, report.communities),
      renderConstellation(report.constellation, people),
    ];
    for (const chart of charts) {
      assert.match(chart.svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="cst-chart"[^>]* role="img" aria-labelledby="[\w-]+-title [\w-]+-desc">/);
      assert.ok(!/<img|style=|<script/i.test(chart.svg), 'no markup from data, no inline style (strict CSP)');
      assert.ok(chart.text.length > 20);
    }
    assert.ok(charts[0].svg.includes('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Ana&quot;'));
    assert.match(charts[0].text, /^Reliability Guild: \d core, \d active, 2 peripheral, \d newcomers\ncore: .*Ben Brook \(Platform\)/);
    assert.ok(charts[0].text.includes(`${hostile} (Payments)`), 'the text alternative is plain text');
    assert.match(charts[2].text, /truck factor 1 \(Finn Fox\)/);
    assert.match(charts[3].text, /^3 of 3 communities have people from two or more teams/);
    assert.ok(charts[4].svg.includes('class="cst-potential"'), 'the potential community is drawn dashed');
    assert.strictEqual(renderConstellation(report.constellation, people).svg, charts[4].svg, 'deterministic layout');
  });
});


/** A snapshot of the planted community history (test/unit/communities), as the editor would hold it. */
import { CommunityIndex } from '../../../src/core/communities/communityIndex';
import { computeCommunityReport } from '../../../src/core/communities/communityReport';
import { parseCommunities } from '../../../src/core/communities/parseCommunities';
import type { CommunityInputs } from '../../../src/core/communities/reportInputs';
import { GitRunner } from '../../../src/core/git/gitRunner';
import { buildHistoryIndex } from '../../../src/core/git/historyIndexBuilder';
import { silentLogger } from '../../../src/core/logger';
import type { CommunitySnapshot } from '../../../src/vscode/communities/snapshot';
import { buildPlantedHistory, COMMUNITIES_YAML, NOW, type Planted } from '../communities/plantedHistory';

export interface PlantedSnapshot {
  planted: Planted;
  inputs: CommunityInputs;
  snapshot: CommunitySnapshot;
}

export async function plantedSnapshot(): Promise<PlantedSnapshot> {
  const planted = buildPlantedHistory();
  const index = await buildHistoryIndex(new GitRunner({ logger: silentLogger }), planted.repo.root);
  const { communities } = parseCommunities(COMMUNITIES_YAML, 'communities.yml');
  const inputs: CommunityInputs = {
    communities,
    repositories: [{ name: 'acme/shop', index }],
    homeRepository: 'acme/shop',
    patterns: planted.patterns,
    threads: [{ community: 'reliability', threads: planted.threads }],
    directory: planted.directory,
  };
  const report = computeCommunityReport(inputs, { now: NOW });
  const repository = { root: planted.repo.root, name: 'acme/shop' };
  const snapshot: CommunitySnapshot = {
    repositories: [repository],
    home: repository,
    configFiles: [`${planted.repo.root}/.constellation/communities.yml`],
    communities,
    index: new CommunityIndex(communities, 'acme/shop'),
    patterns: planted.patterns,
    threads: [{ community: 'reliability', root: planted.repo.root, threads: planted.threads }],
    directory: planted.directory,
    notes: [],
    key: 'planted',
    report,
    computedAt: 0,
    computeMs: 0,
  };
  return { planted, inputs, snapshot };
}

import * as assert from 'assert';
import picomatch from 'picomatch';
import { CommunityIndex, globSpecificity, literalPrefix } from '../../../src/core/communities/communityIndex';
import { parseCommunities } from '../../../src/core/communities/parseCommunities';

describe('community index lookup by literal prefix', () => {
  // Globs whose literal prefixes nest, share characters, are empty, end mid-segment, and repeat
  // across communities with equal specificity (the first declared glob must win the tie).
  const yaml = `communities:
  - id: a
    name: A
    codeAreas: ["src/**", "src/api/**", "src/ap*/x.ts", "**/*.md"]
  - id: b
    name: B
    codeAreas: ["src/api/users/**", "src/api/*.ts", "src/apix/**", "*.json"]
  - id: c
    name: C
    codeAreas: ["src/api/**", "src/api/**/*.ts", "lib/é/**", "shop:src/**"]
`;
  const { communities, diagnostics } = parseCommunities(yaml, 'c.yml');
  const paths = ['src/a.ts', 'src/api/x.ts', 'src/apx/x.ts', 'src/api/users/u.ts', 'src/apix/q.ts', 'README.md', 'docs/a.md', 'package.json', 'lib/é/z.ts', 'lib/e/z.ts', './src/api/y.ts', 'src\\api\\w.ts', 's', ''];

  /** What every area tested in turn answers (the lookup before the prefix index). */
  function everyArea(path: string, repo: string | undefined, home: string | undefined): Array<[string, string]> {
    const normalized = path.replace(/\\/g, '/').replace(/^\.?\/+/, '');
    const best = new Map<string, { glob: string; specificity: number }>();
    for (const community of communities) {
      for (const area of community.codeAreas) {
        const areaRepo = area.repo ?? home;
        if (areaRepo !== undefined && repo !== undefined && areaRepo.toLowerCase() !== repo.toLowerCase()) continue;
        if (area.repo !== undefined && repo === undefined) continue;
        if (!normalized.startsWith(literalPrefix(area.glob)) || !picomatch(area.glob, { dot: true })(normalized)) continue;
        const specificity = globSpecificity(area.glob);
        const current = best.get(community.id);
        if (!current || specificity > current.specificity) best.set(community.id, { glob: area.glob, specificity });
      }
    }
    return [...best].sort((x, y) => y[1].specificity - x[1].specificity || x[0].localeCompare(y[0])).map(([id, m]) => [id, m.glob]);
  }

  for (const home of [undefined, 'shop']) {
    it(`finds the same communities and globs as testing every area (home repository ${home ?? 'none'})`, () => {
      assert.deepStrictEqual(diagnostics, []);
      const index = new CommunityIndex(communities, home);
      for (const repo of [undefined, 'shop', 'other']) {
        for (const path of paths) {
          const found = index.communitiesForPath(path, repo).map((m): [string, string] => [m.community.id, m.glob]);
          assert.deepStrictEqual(found, everyArea(path, repo, home), `${path} in ${repo ?? '(no repository)'}`);
        }
      }
      // The lookup is not vacuous: nested prefixes, ties and the empty prefix all answer.
      assert.deepStrictEqual(index.communitiesForPath('src/api/users/u.ts', 'shop').map((m) => m.glob), ['src/api/users/**', 'src/api/**', 'src/api/**']);
      assert.deepStrictEqual(index.communitiesForPath('docs/a.md').map((m) => m.community.id), ['a']);
    });
  }
});

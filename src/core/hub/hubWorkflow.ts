/**
 * `constellation hub init`: the GitHub Actions workflow of a hub repository. GitHub Actions is the
 * distributed engine: a matrix exports every repository (incrementally: the history index is
 * cached between runs and the previous summary is the repository's shard in the hub), an
 * aggregate job merges the summaries and publishes the index, on a schedule and on demand.
 */
import { stringify } from 'yaml';

export interface HubWorkflowOptions {
  /** Cron of the scheduled run (UTC). */
  schedule: string;
  /** Folder of the index in the hub repository. */
  indexPath: string;
  /** File listing the repositories (one `owner/name` a line, `#` comments). */
  repositoriesFile: string;
  /** Org directory used for every export (teams, aliases, `export.identities`). */
  directoryPath: string;
  /** `commit`: commit the index to the hub repository; `release`: also attach it to a release. */
  publish: 'commit' | 'release';
  /** What `npm install --global` installs to get the `constellation` command. */
  cliPackage: string;
  nodeVersion: string;
  /** GitHub Actions allows 256 jobs per matrix: repositories are shared out over at most this many. */
  maxJobs: number;
}

export const DEFAULT_HUB_WORKFLOW: HubWorkflowOptions = {
  schedule: '17 3 * * *',
  indexPath: 'index',
  repositoriesFile: '.constellation/hub-repositories.txt',
  directoryPath: '.constellation/directory.yml',
  publish: 'commit',
  cliPackage: 'constellation',
  nodeVersion: '20',
  maxJobs: 64,
};

export const HUB_WORKFLOW_FILE = '.github/workflows/constellation-hub.yml';

const CHECKOUT = 'actions/checkout@v4';
const SETUP_NODE = 'actions/setup-node@v4';

export function hubWorkflow(partial: Partial<HubWorkflowOptions> = {}): string {
  const o = { ...DEFAULT_HUB_WORKFLOW, ...partial };
  const install = { name: 'Install the Constellation CLI', run: `npm install --global ${o.cliPackage}` };
  const workflow = {
    name: 'Constellation hub index',
    on: {
      schedule: [{ cron: o.schedule }],
      workflow_dispatch: {
        inputs: {
          full: { description: 'Export every repository from scratch (ignore cached history indexes)', type: 'boolean', default: false },
        },
      },
    },
    permissions: { contents: 'write' },
    concurrency: { group: 'constellation-hub', 'cancel-in-progress': false },
    jobs: {
      plan: {
        name: 'Share out the repositories',
        'runs-on': 'ubuntu-latest',
        outputs: { chunks: '${{ steps.plan.outputs.chunks }}' },
        steps: [
          { uses: CHECKOUT },
          {
            id: 'plan',
            name: 'Chunks of repositories, one per export job',
            env: { MAX_JOBS: String(o.maxJobs), LIST: o.repositoriesFile },
            run: [
              `repos=$(grep -v '^[[:space:]]*#' "$LIST" | tr -d '[:blank:]' | grep -v '^$' || true)`,
              'count=$(printf "%s\\n" "$repos" | grep -c . || true)',
              'size=$(( (count + MAX_JOBS - 1) / MAX_JOBS )); [ "$size" -ge 1 ] || size=1',
              'chunks=$(printf "%s\\n" "$repos" | grep . | jq -R -s -c --argjson n "$size" \'split("\\n") | map(select(length > 0)) | [range(0; length; $n) as $i | .[$i:$i+$n] | join(" ")]\')',
              'echo "chunks=$chunks" >> "$GITHUB_OUTPUT"',
              'echo "$count repositories in chunks of $size"',
            ].join('\n'),
          },
        ],
      },
      export: {
        name: 'Export',
        needs: 'plan',
        if: "needs.plan.outputs.chunks != '[]'",
        'runs-on': 'ubuntu-latest',
        strategy: { 'fail-fast': false, 'max-parallel': 20, matrix: { chunk: '${{ fromJSON(needs.plan.outputs.chunks) }}' } },
        steps: [
          { uses: CHECKOUT, with: { path: 'hub' } },
          { uses: SETUP_NODE, with: { 'node-version': o.nodeVersion } },
          install,
          {
            name: 'Restore the history indexes',
            if: '${{ !inputs.full }}',
            uses: 'actions/cache/restore@v4',
            with: { path: '.constellation-cache', key: 'constellation-${{ strategy.job-index }}-${{ github.run_id }}', 'restore-keys': 'constellation-${{ strategy.job-index }}-' },
          },
          {
            name: 'Export each repository (incrementally from its shard in the hub)',
            env: {
              CHUNK: '${{ matrix.chunk }}',
              TOKEN: '${{ secrets.CONSTELLATION_READ_TOKEN || github.token }}',
              CONSTELLATION_CACHE: '${{ github.workspace }}/.constellation-cache',
            },
            run: [
              'mkdir -p summaries',
              'auth=$(printf "x-access-token:%s" "$TOKEN" | base64 -w0)',
              'for repo in $CHUNK; do',
              '  dir="repos/${repo//\\//__}.git"',
              '  if git -c "http.extraheader=AUTHORIZATION: basic $auth" clone --quiet --bare "$GITHUB_SERVER_URL/$repo.git" "$dir"; then',
              `    constellation export --repo "$dir" --name "$repo" --directory hub/${o.directoryPath} --previous hub/${o.indexPath} --out "summaries/\${repo//\\//__}.json" || echo "::warning::export of $repo failed"`,
              '  else',
              '    echo "::warning::cannot clone $repo"',
              '  fi',
              '  rm -rf "$dir"',
              'done',
            ].join('\n'),
          },
          {
            name: 'Save the history indexes',
            if: 'always()',
            uses: 'actions/cache/save@v4',
            with: { path: '.constellation-cache', key: 'constellation-${{ strategy.job-index }}-${{ github.run_id }}' },
          },
          {
            uses: 'actions/upload-artifact@v4',
            with: { name: 'summaries-${{ strategy.job-index }}', path: 'summaries/*.json', 'if-no-files-found': 'ignore', 'retention-days': 3 },
          },
        ],
      },
      merge: {
        name: 'Merge and publish the index',
        needs: 'export',
        if: "${{ always() && needs.export.result != 'cancelled' }}",
        'runs-on': 'ubuntu-latest',
        steps: [
          { uses: CHECKOUT },
          { uses: SETUP_NODE, with: { 'node-version': o.nodeVersion } },
          install,
          { uses: 'actions/download-artifact@v4', with: { pattern: 'summaries-*', path: 'summaries' } },
          {
            name: 'Merge (repositories whose export failed keep their previous shard)',
            run: [
              'mkdir -p summaries',
              `inputs=summaries; [ -d ${o.indexPath}/shards ] && inputs="${o.indexPath}/shards summaries"`,
              `constellation hub merge $inputs --out ${o.indexPath}`,
            ].join('\n'),
          },
          {
            name: 'Commit the index',
            run: [
              'git config user.name "github-actions[bot]"',
              'git config user.email "41898282+github-actions[bot]@users.noreply.github.com"',
              `git add --all ${o.indexPath}`,
              'if git diff --cached --quiet; then echo "index unchanged"; exit 0; fi',
              'git commit --quiet -m "Constellation hub index $(date -u +%Y-%m-%dT%H:%MZ)"',
              'git push',
            ].join('\n'),
          },
          ...(o.publish === 'release'
            ? [{
                name: 'Attach the index to the "constellation-index" release',
                env: { GH_TOKEN: '${{ github.token }}' },
                run: [
                  `tar -czf constellation-index.tar.gz ${o.indexPath}`,
                  'gh release view constellation-index >/dev/null 2>&1 || gh release create constellation-index --title "Constellation hub index" --notes "Updated by the Constellation hub workflow"',
                  'gh release upload constellation-index constellation-index.tar.gz --clobber',
                ].join('\n'),
              }]
            : []),
        ],
      },
    },
  };
  const header = [
    '# Constellation hub: exports every repository listed in ' + o.repositoriesFile + ' and merges the summaries',
    `# into ${o.indexPath}/ (read by the extension through constellation.hub.repository).`,
    '# Private repositories need a CONSTELLATION_READ_TOKEN secret that can read them.',
    '',
  ].join('\n');
  return header + stringify(workflow, { lineWidth: 0 });
}

export function repositoriesFileText(repositories: readonly string[]): string {
  return ['# One repository a line (owner/name). The Constellation hub workflow exports each of them.', ...repositories, ''].join('\n');
}

import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ProposedCommunity } from '../../../src/core/communities/reportTypes';
import { writeProposals } from '../../../src/vscode/communities/createConfig';

const PROPOSAL = {
  id: 'dispatch', name: 'Dispatch', people: ['a@x.test'], teams: [], teamsKnown: false, areas: ['dispatch'], activity: 3, coveredShare: 0,
  draftYaml: 'communities:\n  - id: dispatch\n    name: Dispatch\n    stage: potential\n    codeAreas: ["dispatch/**"]\n',
} as unknown as ProposedCommunity;

describe('writing the proposals into communities.yml', () => {
  let root: string;
  const file = (): string => path.join(root, '.constellation', 'communities.yml');

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'constellation-proposals-'));
    mkdirSync(path.join(root, '.constellation'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('creates the file, then adds to it', async () => {
    assert.deepStrictEqual(await writeProposals(root, [PROPOSAL]), { file: file(), added: 1, created: true });
    assert.match(readFileSync(file(), 'utf8'), /id: dispatch/);
    assert.strictEqual((await writeProposals(root, [PROPOSAL])).added, 0);
  });

  it('refuses a communities.yml over its cap, saying what to do, and leaves it as it was', async () => {
    const big = `communities: []\n${'# padding\n'.repeat(220_000)}`;
    writeFileSync(file(), big);
    await assert.rejects(writeProposals(root, [PROPOSAL]), /communities\.yml: the communities file is larger than 2(\.0)? MB.*fewer, broader globs/);
    assert.strictEqual(readFileSync(file(), 'utf8'), big);
  });

  it('refuses a FIFO named communities.yml instead of waiting on it', async function () {
    if (process.platform === 'win32') this.skip();
    execFileSync('mkfifo', [file()]);
    await assert.rejects(writeProposals(root, [PROPOSAL]), /communities\.yml: cannot read the communities file/);
  });
});

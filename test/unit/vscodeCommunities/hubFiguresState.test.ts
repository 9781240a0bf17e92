import * as assert from 'assert';
import type { CodeArea } from '../../../src/core/communities/communityTypes';
import type { HubAreaActivity } from '../../../src/core/hub';
import { silentLogger } from '../../../src/core/logger';
import { HubFiguresState, type HubFiguresSource } from '../../../src/vscode/communities/hubFiguresState';
import type { CommunitySnapshot } from '../../../src/vscode/communities/snapshot';
import type { HubActivityOptions } from '../../../src/vscode/org/orgApi';
import type { HubStatus } from '../../../src/vscode/org/hubService';
import { NOW } from '../communities/plantedHistory';
import { plantedSnapshot, type PlantedSnapshot } from './plantedSnapshot';

const LEDGER: CodeArea = { repo: 'ledger', glob: 'src/retry/**' };

function activityOf(name: string): HubAreaActivity {
  const email = `${name.toLowerCase()}@ledger.example`;
  return {
    repositories: [{ name: 'acme/ledger', asOf: NOW, files: 1, changes: 2, lastActivity: NOW }],
    files: 1,
    people: [{ key: email, name, email, placement: { email }, lastActive: NOW, relationship: 'other-company', changes: 2, lastChange: NOW, files: 1, filesCreated: 0, former: false, repositories: ['acme/ledger'] }],
  };
}

/** A hub whose answers the test releases one by one, in the order it chooses. */
class HeldHub implements HubFiguresSource {
  status: HubStatus = { state: 'ready', repository: 'acme/hub', requests: 0, generatedAt: new Date(NOW * 1000).toISOString() };
  readonly calls: Array<{ areas: readonly CodeArea[]; options?: HubActivityOptions; answer: (a: HubAreaActivity | undefined) => void }> = [];
  hubStatus(): HubStatus {
    return this.status;
  }
  hubActivity(areas: readonly CodeArea[], options?: HubActivityOptions): Promise<HubAreaActivity | undefined> {
    return new Promise((resolve) => this.calls.push({ areas, options, answer: resolve }));
  }
  async answer(index: number, activity: HubAreaActivity | undefined): Promise<void> {
    for (let i = 0; i < 50 && !this.calls[index]; i++) await new Promise((r) => setImmediate(r));
    assert.ok(this.calls[index], `call ${index} was made`);
    this.calls[index].answer(activity);
  }
}

describe('community hub figures in the background', function () {
  this.timeout(60_000);
  let planted: PlantedSnapshot;
  let withLedger: (key: string) => CommunitySnapshot;

  before(async () => {
    planted = await plantedSnapshot();
    withLedger = (key) => ({ ...planted.snapshot, key, communities: planted.snapshot.communities.map((c) => (c.id === 'reliability' ? { ...c, codeAreas: [...c.codeAreas, LEDGER] } : c)) });
  });

  after(() => planted?.planted.repo.dispose());

  it('asks for the hub-only areas, leaving the clones out, and shows loading until the answer arrives', async () => {
    const hub = new HeldHub();
    let changes = 0;
    const state = new HubFiguresState(hub, silentLogger, () => changes++);
    state.update(withLedger('a'), 0);
    assert.strictEqual(state.get('reliability')?.state, 'loading');
    assert.strictEqual(state.get('billing'), undefined, 'a community on cloned repositories only asks nothing');
    await hub.answer(0, activityOf('Leo'));
    await hub.answer(1, activityOf('Leo'));
    await state.settled();
    assert.deepStrictEqual(hub.calls.map((c) => [c.areas, c.options?.skipRepositories, c.options?.wait]), [[[LEDGER], ['acme/shop'], true], [[LEDGER], ['acme/shop'], true]]);
    assert.ok(planted.snapshot.home, 'the planted report has a home');
    assert.ok(hub.calls.every((c) => c.options?.home === planted.snapshot.home), 'the hub places people against the report\'s home (its root and name), not the active editor\'s repository');
    const figures = state.get('reliability');
    assert.ok(figures?.state === 'ready' && figures.people[0].name === 'Leo', JSON.stringify(figures));
    assert.strictEqual(changes, 2, 'loading, then the figures');
    state.update(withLedger('a'), 0);
    assert.strictEqual(hub.calls.length, 2, 'the same report and hub ask nothing again');
  });

  it('drops the answer of a run a newer report made stale, and keeps the last figures while the new ones come', async () => {
    const hub = new HeldHub();
    const state = new HubFiguresState(hub, silentLogger, () => undefined);
    state.update(withLedger('old'), 0);
    state.update(withLedger('new'), 0);
    await hub.answer(1, activityOf('Fresh'));
    await hub.answer(2, activityOf('Fresh'));
    await hub.answer(0, activityOf('Stale'));
    const ticks = async (): Promise<void> => { for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r)); };
    await ticks();
    hub.calls[3]?.answer(activityOf('Stale'));
    await ticks();
    await state.settled();
    assert.strictEqual(hub.calls.length, 3, 'the stale run asks nothing more once it is stale');
    const figures = state.get('reliability');
    assert.ok(figures?.state === 'ready', JSON.stringify(figures));
    assert.deepStrictEqual(figures.people.map((p) => p.name), ['Fresh']);
    // The hub changed: the figures shown stay until the new answer replaces them.
    state.update(withLedger('new'), 1);
    assert.deepStrictEqual(state.get('reliability')?.state, 'ready');
  });

  it('says when no hub is set, or when it does not open, without asking', async () => {
    const hub = new HeldHub();
    hub.status = { state: 'off', repository: '', requests: 0 };
    const state = new HubFiguresState(hub, silentLogger, () => undefined);
    state.update(withLedger('a'), 0);
    await state.settled();
    assert.deepStrictEqual(state.get('reliability'), { state: 'off', areas: ['ledger:src/retry/**'], hub: '' });
    assert.strictEqual(hub.calls.length, 0);
    hub.status = { state: 'unavailable', repository: 'acme/hub', requests: 0, message: 'Not Found' };
    state.update(withLedger('a'), 0);
    await hub.answer(0, undefined);
    await state.settled();
    assert.deepStrictEqual(state.get('reliability'), { state: 'unavailable', areas: ['ledger:src/retry/**'], hub: 'acme/hub', message: 'Not Found' });
  });
});

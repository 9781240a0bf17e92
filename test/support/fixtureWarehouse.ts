/**
 * A second repository nested in the fixture workspace (`warehouse/`, origin acme/warehouse), so
 * the communities feature is tested across repositories. Its history is designed for the
 * community figures, with the fixture's people:
 * - a coordination gap: Dave (Payments) owns `inventory/stock.ts` (a Reliability Guild area,
 *   declared as `warehouse:inventory/**`), Sam (Supplier Engineering) owns `dispatch/labels.ts`;
 *   Dave's three commits change both, yet the two never share a thread or a community;
 * - a potential community: Sam, Alice and Bob (three teams) keep changing `dispatch/` and
 *   `returns/`, which no declared community covers.
 * The main repository ignores the folder (.git/info/exclude): its history and every expert
 * expectation stay as they were.
 */
import { appendFileSync, mkdirSync, renameSync } from 'fs';
import * as path from 'path';
import { PEOPLE, YOU } from './fixtureOrg';
import { TestRepo, type TestAuthor } from './gitRepo';
import type { FixtureHistory } from './fixtureWorkspace';

export const WAREHOUSE_FOLDER = 'warehouse';
export const WAREHOUSE_REMOTE = 'https://github.com/acme/warehouse';

/** What the tests may rely on (paths are relative to the warehouse repository). */
export const WAREHOUSE = {
  folder: WAREHOUSE_FOLDER,
  name: 'acme/warehouse',
  gap: { a: 'dispatch/labels.ts', b: 'inventory/stock.ts', owners: [PEOPLE.sam.email, PEOPLE.dave.email], community: 'reliability', coChanges: 3 },
  potential: { people: [PEOPLE.alice.email, PEOPLE.bob.email, PEOPLE.sam.email], areas: ['dispatch', 'returns'] },
};

const DAY = 86_400;

function source(name: string, version: number): string {
  return `// ${name}\nexport const ${name.replace(/\W/g, '_')}Version = ${version};\n`;
}

export function addWarehouseRepository(h: FixtureHistory): void {
  const { alice, bob, dave, sam } = PEOPLE;
  const repo = TestRepo.create('constellation-warehouse-');
  const versions = new Map<string, number>();
  const commit = (author: TestAuthor, daysAgo: number, files: string[], message: string): void => {
    for (const file of files) {
      const next = (versions.get(file) ?? 0) + 1;
      versions.set(file, next);
      repo.write(file, source(path.posix.basename(file, '.ts'), next));
    }
    repo.commit({ author, date: `${Math.round(h.now - daysAgo * DAY)} +0000`, message });
  };
  const { a: labels, b: stock } = WAREHOUSE.gap;
  const carriers = 'dispatch/carriers.ts';
  const refunds = 'returns/refunds.ts';
  commit(sam, 200, [labels], 'Dispatch: shipping labels');
  commit(alice, 190, [carriers], 'Dispatch: carrier rates');
  commit(bob, 180, [refunds], 'Returns: refunds');
  commit(dave, 170, [stock], 'Inventory: stock levels');
  commit(sam, 160, [labels], 'Dispatch: label sizes');
  commit(alice, 150, [carriers], 'Dispatch: carrier fallbacks');
  commit(bob, 140, [carriers], 'Dispatch: signed-in carrier accounts');
  commit(alice, 130, [refunds], 'Returns: refund to the original card');
  commit(sam, 120, [refunds], 'Returns: return labels');
  commit(dave, 100, [stock, labels], 'Inventory: reserve stock when a label is printed');
  commit(dave, 90, [stock], 'Inventory: stock per warehouse');
  commit(sam, 80, [labels], 'Dispatch: customs data on labels');
  commit(dave, 70, [stock, labels], 'Inventory: release stock when a label is voided');
  commit(sam, 60, [labels], 'Dispatch: label reprints');
  commit(dave, 50, [stock], 'Inventory: idempotent reservations');
  commit(dave, 40, [stock, labels], 'Inventory: stock check before labels');
  commit(sam, 30, [labels], 'Dispatch: label batching');
  commit(alice, 20, [carriers], 'Dispatch: carrier cut-off times');
  commit(bob, 15, [refunds], 'Returns: refund audit trail');
  // The three keep working together on dispatch and returns, more than anywhere else.
  commit(bob, 110, [carriers], 'Dispatch: carrier accounts per team');
  commit(alice, 105, [refunds], 'Returns: partial refunds');
  commit(sam, 95, [refunds], 'Returns: label for the return parcel');
  commit(bob, 85, [refunds], 'Returns: who may approve a refund');
  commit(alice, 75, [carriers], 'Dispatch: carrier price cache');
  commit(bob, 65, [carriers], 'Dispatch: carrier account rotation');
  commit(sam, 55, [refunds], 'Returns: tracking the return parcel');
  commit(alice, 45, [refunds], 'Returns: refund currency');
  commit(bob, 35, [carriers], 'Dispatch: carrier audit log');
  commit(bob, 25, [refunds], 'Returns: refund limits');
  commit(alice, 12, [carriers], 'Dispatch: carrier holidays');
  repo.git(['remote', 'add', 'origin', `${WAREHOUSE_REMOTE}.git`]);
  repo.git(['update-ref', 'refs/remotes/origin/main', 'HEAD']);
  repo.git(['config', 'user.email', YOU.email]);
  repo.git(['config', 'user.name', YOU.name]);
  // Nested inside the main work tree, which must not see it as untracked content.
  const target = path.join(h.repo.root, WAREHOUSE_FOLDER);
  renameSync(repo.root, target);
  mkdirSync(path.join(h.repo.root, '.git', 'info'), { recursive: true });
  appendFileSync(path.join(h.repo.root, '.git', 'info', 'exclude'), `/${WAREHOUSE_FOLDER}/\n`);
}

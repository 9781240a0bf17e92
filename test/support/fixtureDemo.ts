/**
 * The richer "demo" organisation: more people and modules with a long, deterministic history
 * on top of the test preset (it touches only its own files, so the test expectations still hold).
 */
import type { FixturePerson } from './fixtureOrg';
import { PEOPLE } from './fixtureOrg';
import { FixtureSourceFile } from './fixtureSource';
import type { FixtureHistory } from './fixtureWorkspace';

const MODULES: Array<{ file: string; functions: string[]; owner: string }> = [
  { file: 'src/search/query.ts', functions: ['parseQuery', 'rankResults', 'highlightMatches'], owner: 'grace' },
  { file: 'src/search/index.ts', functions: ['indexProduct', 'dropProduct'], owner: 'grace' },
  { file: 'src/payments/ledger.ts', functions: ['postEntry', 'balance', 'reconcile'], owner: 'farid' },
  { file: 'src/checkout/shipping.ts', functions: ['shippingCost', 'deliveryWindow'], owner: 'hiro' },
  { file: 'src/auth/passwords.ts', functions: ['hashPassword', 'checkPassword'], owner: 'ines' },
  { file: 'src/receipts/pdf.ts', functions: ['renderPdf', 'pageBreaks'], owner: 'jon' },
  { file: 'src/inventory/stock.ts', functions: ['reserveStock', 'releaseStock', 'restock'], owner: 'carol' },
];

/** Small deterministic PRNG (mulberry32) so every demo looks the same. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function addDemoHistory(h: FixtureHistory, demoPeople: FixturePerson[]): void {
  const everyone = new Map<string, FixturePerson>([...Object.values(PEOPLE), ...demoPeople].map((p) => [p.key, p]));
  const contributors = [...everyone.values()].filter((p) => p.key !== 'eve' && p.key !== 'you');
  const next = random(20240611);
  const files = MODULES.map((m, i) => {
    const source = new FixtureSourceFile(`// ${m.file}`);
    for (const fn of m.functions) source.addFunction({ name: fn, bodyLines: 8 + (fn.length % 5) }, `${m.owner} v1`);
    const owner = everyone.get(m.owner);
    if (!owner) throw new Error(`demo owner ${m.owner} unknown`);
    h.save(m.file, source);
    h.commit(owner, 700 - i * 20, `${m.file}: first version`);
    return { ...m, source, owner };
  });
  // ~100 more commits: owners do most of the work, others chip in.
  for (let daysAgo = 560; daysAgo > 2; daysAgo -= 5) {
    const mod = files[Math.floor(next() * files.length)];
    const author = next() < 0.65 ? mod.owner : contributors[Math.floor(next() * contributors.length)];
    const fn = mod.functions[Math.floor(next() * mod.functions.length)];
    const size = mod.source.lines(fn).length - 3;
    const from = Math.floor(next() * size);
    const to = Math.min(size, from + 1 + Math.floor(next() * 3));
    h.save(mod.file, mod.source.rewrite(fn, from, to, `${author.key} d${daysAgo}`));
    h.commit(author, daysAgo, `${mod.file}: improve ${fn}`);
  }
}

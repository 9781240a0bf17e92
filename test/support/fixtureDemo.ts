/**
 * The richer "demo" organisation: more people and modules with a long, deterministic history
 * on top of the test preset (it touches only its own files, so the test expectations still hold).
 *
 * It is meant to read like a real team's history, so the hover is believable on every function:
 * a module's owner writes most of it, but some functions are written and then maintained by a
 * colleague from another team; later changes mostly come from whoever wrote the function, the
 * owner tidies up now and then, and people from elsewhere fix a line or two. Everyone is still
 * active. So the person who wrote a function's lines is the one to ask about it, and that is
 * what `demoExpectations` records.
 */
import type { FixturePerson } from './fixtureOrg';
import { PEOPLE } from './fixtureOrg';
import { FixtureSourceFile } from './fixtureSource';
import type { FixtureExpectation, FixtureHistory } from './fixtureWorkspace';

interface DemoFunction {
  name: string;
  /** Who writes and maintains it (the module's owner when absent). */
  author?: string;
}

const MODULES: Array<{ file: string; owner: string; functions: DemoFunction[] }> = [
  { file: 'src/search/query.ts', owner: 'grace', functions: [{ name: 'parseQuery' }, { name: 'rankResults', author: 'ines' }, { name: 'highlightMatches' }] },
  { file: 'src/search/index.ts', owner: 'grace', functions: [{ name: 'indexProduct' }, { name: 'dropProduct', author: 'hiro' }] },
  { file: 'src/payments/ledger.ts', owner: 'farid', functions: [{ name: 'postEntry' }, { name: 'balance', author: 'dave' }, { name: 'reconcile' }] },
  { file: 'src/checkout/shipping.ts', owner: 'hiro', functions: [{ name: 'shippingCost' }, { name: 'deliveryWindow', author: 'carol' }] },
  { file: 'src/auth/passwords.ts', owner: 'ines', functions: [{ name: 'hashPassword' }, { name: 'checkPassword', author: 'bob' }] },
  { file: 'src/receipts/pdf.ts', owner: 'jon', functions: [{ name: 'renderPdf' }, { name: 'pageBreaks', author: 'sam' }] },
  { file: 'src/inventory/stock.ts', owner: 'carol', functions: [{ name: 'reserveStock' }, { name: 'releaseStock' }, { name: 'restock', author: 'jon' }] },
];

/** The functions the demo's integration test hovers: each written by someone other than the module's owner. */
export const DEMO_HOVERED = ['balance', 'checkPassword', 'restock'];

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

/** Adds the demo modules' history; returns, per function, who the hover should show first. */
export function addDemoHistory(h: FixtureHistory, demoPeople: FixturePerson[]): FixtureExpectation[] {
  const everyone = new Map<string, FixturePerson>([...Object.values(PEOPLE), ...demoPeople].map((p) => [p.key, p]));
  const person = (key: string): FixturePerson => {
    const p = everyone.get(key);
    if (!p) throw new Error(`demo person ${key} unknown`);
    return p;
  };
  const drivers = [...everyone.values()].filter((p) => p.key !== 'eve' && p.key !== 'you');
  const next = random(20240611);
  const modules = MODULES.map((m) => ({ ...m, source: new FixtureSourceFile(`// ${m.file}`), owner: person(m.owner) }));
  const functions = modules.flatMap((m) => m.functions.map((f) => ({ module: m, name: f.name, author: person(f.author ?? m.owner.key) })));

  // The owner writes the module's own functions first; colleagues add theirs a little later.
  modules.forEach((m, i) => {
    for (const f of m.functions.filter((x) => !x.author)) m.source.addFunction({ name: f.name, bodyLines: 8 + (f.name.length % 5) }, `${m.owner.key} v1`);
    h.save(m.file, m.source);
    h.commit(m.owner, 700 - i * 20, `${m.file}: first version`);
  });
  functions.filter((f) => f.author !== f.module.owner).forEach((f, i) => {
    f.module.source.addFunction({ name: f.name, bodyLines: 8 + (f.name.length % 5) }, `${f.author.key} v1`);
    h.save(f.module.file, f.module.source);
    h.commit(f.author, 600 - i * 10, `${f.module.file}: add ${f.name}`);
  });

  // ~110 later commits: the function's author mostly, the owner sometimes, someone else rarely.
  for (let daysAgo = 560; daysAgo > 2; daysAgo -= 5) {
    const fn = functions[Math.floor(next() * functions.length)];
    const roll = next();
    const author = roll < 0.7 ? fn.author : roll < 0.85 ? fn.module.owner : drivers[Math.floor(next() * drivers.length)];
    const size = fn.module.source.lines(fn.name).length - 3;
    const from = Math.floor(next() * size);
    // People from elsewhere fix a line; the people who own the code rework a few.
    const to = Math.min(size, from + (author === fn.author || author === fn.module.owner ? 2 + Math.floor(next() * 3) : 1));
    h.save(fn.module.file, fn.module.source.rewrite(fn.name, from, to, `${author.key} d${daysAgo}`));
    h.commit(author, daysAgo, `${fn.module.file}: improve ${fn.name}`);
  }

  return functions.map((f) => {
    const span = f.module.source.span(f.name);
    return {
      file: f.module.file, functionName: f.name, line: span.startLine, lineText: span.headerText, startLine: span.startLine, endLine: span.endLine,
      expectedTopEmails: [f.author.email], expectedRelationships: [f.author.relationship],
    };
  });
}

/**
 * Generates the fixture organisation as a REAL git repository with a history backdated relative
 * to "now", so recency means something. The history is designed so that, for each chosen
 * function, one person wins on every signal the expert model uses (blame share of the lines,
 * number and recency of changes, first authorship, degree of authorship) and one other person
 * is a clear second. Integration and e2e tests assert those expectations.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, rmdirSync } from 'fs';
import * as path from 'path';
import type { Relationship } from '../../src/core/directory/types';
import { BOT, CODEOWNERS, DAVE_OLD, DEMO_PEOPLE, directoryYaml, type FixturePerson, MAILMAP, PEOPLE, YOU } from './fixtureOrg';
import { FixtureSourceFile } from './fixtureSource';
import { TestRepo, type TestAuthor } from './gitRepo';
import { addDemoHistory } from './fixtureDemo';
import { addPatternFixture } from './fixturePatterns';
import { addFixtureCommunities } from './fixtureCommunities';

export type FixturePreset = 'test' | 'demo';

/** What the ranking for the lines of one function must look like. */
export interface FixtureExpectation {
  /** Workspace-relative path, forward slashes. */
  file: string;
  functionName: string;
  /** 1-based line of the function header (written by the top expert, never rewritten). */
  line: number;
  lineText: string;
  /** 1-based inclusive span of the whole function: `expectedTopEmails` is the order for it. */
  startLine: number;
  endLine: number;
  /** The first one is also the top expert of `line` alone. */
  expectedTopEmails: string[];
  expectedRelationships: Relationship[];
}

export interface FixtureInfo {
  root: string;
  preset: FixturePreset;
  /** Generation time, Unix seconds; commit dates are relative to it. */
  now: number;
  you: { email: string; name: string; team: string };
  people: FixturePerson[];
  formerEmails: string[];
  botEmails: string[];
  /** Identities folded together by `.mailmap`: alias -> canonical email. */
  mailmap: Record<string, string>;
  renames: Array<{ from: string; to: string }>;
  mergeCommit: string;
  commitCount: number;
  expectations: FixtureExpectation[];
  /** Demo preset only: every demo function, with the person its hover shows first. */
  demoExpectations: FixtureExpectation[];
}

/** Env var through which runners hand the path of the FixtureInfo JSON to tests. */
export const FIXTURE_INFO_ENV = 'CONSTELLATION_FIXTURE_INFO';

export function loadFixtureInfo(file = process.env[FIXTURE_INFO_ENV]): FixtureInfo {
  if (!file) throw new Error(`${FIXTURE_INFO_ENV} is not set: run the tests through the harness (npm run test:integration)`);
  return JSON.parse(readFileSync(file, 'utf8')) as FixtureInfo;
}

const DAY = 86_400;

/** Commits relative to a fixed "now", in days ago. */
class History {
  commits = 0;
  constructor(readonly repo: TestRepo, readonly now: number) {}

  date(daysAgo: number): string {
    return `${Math.round(this.now - daysAgo * DAY)} +0000`;
  }

  commit(author: TestAuthor, daysAgo: number, message: string): string {
    this.commits++;
    return this.repo.commit({ author, date: this.date(daysAgo), message });
  }

  save(relPath: string, file: FixtureSourceFile): void {
    this.repo.write(relPath, file.render());
  }
}

export function createFixtureWorkspace(dir: string, preset: FixturePreset): FixtureInfo {
  const target = path.resolve(dir);
  if (existsSync(target) && readdirSync(target).length > 0) throw new Error(`fixture target ${target} is not empty`);
  const repo = TestRepo.create('constellation-fixture-');
  try {
    const now = Math.floor(Date.now() / 1000);
    const h = new History(repo, now);
    const built = buildCoreHistory(h);
    let people = Object.values(PEOPLE);
    let demoExpectations: FixtureExpectation[] = [];
    if (preset === 'demo') {
      people = [...people, ...DEMO_PEOPLE];
      demoExpectations = addDemoHistory(h, DEMO_PEOPLE);
      repo.write('.constellation/directory.yml', directoryYaml(people));
      h.commit(YOU, 1, 'Directory: add the demo teams');
    }
    addPatternFixture(h, preset);
    addFixtureCommunities(h, preset);
    repo.git(['config', 'user.email', YOU.email]);
    repo.git(['config', 'user.name', YOU.name]);
    moveRepository(repo.root, target);
    return {
      root: target,
      preset,
      now,
      you: { email: YOU.email, name: YOU.name, team: YOU.team },
      people,
      formerEmails: [PEOPLE.eve.email],
      botEmails: [BOT.email],
      mailmap: { [DAVE_OLD.email]: PEOPLE.dave.email },
      renames: built.renames,
      mergeCommit: built.mergeCommit,
      commitCount: h.commits,
      expectations: built.expectations,
      demoExpectations,
    };
  } catch (error) {
    repo.dispose();
    throw error;
  }
}

function moveRepository(from: string, to: string): void {
  mkdirSync(path.dirname(to), { recursive: true });
  if (existsSync(to)) rmdirSync(to);
  try {
    renameSync(from, to);
  } catch {
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

interface CoreHistory {
  renames: Array<{ from: string; to: string }>;
  mergeCommit: string;
  expectations: FixtureExpectation[];
}

function buildCoreHistory(h: History): CoreHistory {
  const { alice, bob, carol, dave, eve, sam } = PEOPLE;
  const repo = h.repo;
  repo.write('README.md', '# Acme shop\n\nThe storefront of Acme Corp.\n');
  repo.write('package.json', '{\n  "name": "acme-shop",\n  "version": "1.0.0",\n  "dependencies": { "left-pad": "1.0.0" }\n}\n');
  repo.write('src/index.ts', "export const shopName = 'Acme shop';\n");
  h.commit(eve, 900, 'Initial commit');

  const gateway = new FixtureSourceFile('// Card payments.').addFunction({ name: 'chargeCard', bodyLines: 14 }, 'charge v1').addFunction({ name: 'refundCard', bodyLines: 6 }, 'refund v1');
  h.save('src/payments/gateway.ts', gateway);
  h.commit(DAVE_OLD, 420, 'Payments: card gateway');

  const discounts = new FixtureSourceFile('// Price rules.').addFunction({ name: 'applyDiscount', bodyLines: 10 }, 'discount v1').addFunction({ name: 'roundPrice', bodyLines: 4 }, 'round v1');
  h.save('src/pricing/discounts.ts', discounts);
  h.commit(alice, 400, 'Pricing: discounts');

  const cart = new FixtureSourceFile('// The shopping cart.').addFunction({ name: 'addItem', bodyLines: 10 }, 'add v1').addFunction({ name: 'removeItem', bodyLines: 5 }, 'remove v1');
  h.save('src/cart.ts', cart);
  h.commit(carol, 380, 'Cart: add and remove items');

  const receipt = new FixtureSourceFile('// Receipts, built by our supplier.').addFunction({ name: 'formatReceipt', bodyLines: 10 }, 'receipt v1');
  h.save('src/receipts/receipt.ts', receipt);
  h.commit(sam, 360, 'Receipts: formatting');

  const session = new FixtureSourceFile('// Sign-in sessions.').addFunction({ name: 'issueToken', bodyLines: 10 }, 'token v1').addFunction({ name: 'verifyToken', bodyLines: 6 }, 'verify v1');
  h.save('src/auth/session.ts', session);
  h.commit(bob, 350, 'Auth: session tokens');

  repo.write('.constellation/directory.yml', directoryYaml(Object.values(PEOPLE)));
  repo.write('.github/CODEOWNERS', CODEOWNERS);
  repo.write('.mailmap', MAILMAP);
  h.commit(YOU, 330, 'Add the org directory, CODEOWNERS and mailmap');

  // Each second expert touches a few lines of the function, once, long ago.
  h.save('src/payments/gateway.ts', gateway.rewrite('chargeCard', 0, 7, 'alice retry'));
  h.commit(alice, 300, 'Payments: retry declined charges');
  h.save('src/cart.ts', cart.rewrite('addItem', 0, 2, 'bob auth check'));
  h.commit(bob, 280, 'Cart: require a session');
  h.save('src/pricing/discounts.ts', discounts.rewrite('applyDiscount', 0, 2, 'carol coupon'));
  h.commit(carol, 260, 'Pricing: coupons from the cart');
  h.save('src/receipts/receipt.ts', receipt.rewrite('formatReceipt', 0, 2, 'bob user name'));
  h.commit(bob, 250, 'Receipts: show the signed-in user');
  h.save('src/auth/session.ts', session.rewrite('issueToken', 0, 2, 'alice payment scope'));
  h.commit(alice, 240, 'Auth: payment scope in tokens');

  const renames = [
    { from: 'src/cart.ts', to: 'src/checkout/cart.ts' },
    { from: 'src/receipts/receipt.ts', to: 'src/receipts/receiptFormatter.ts' },
  ];
  repo.move(renames[0].from, renames[0].to);
  h.commit(carol, 220, 'Move the cart into checkout/');
  repo.move(renames[1].from, renames[1].to);
  h.commit(sam, 200, 'Rename receipt.ts to receiptFormatter.ts');

  repo.write('package.json', '{\n  "name": "acme-shop",\n  "version": "1.0.0",\n  "dependencies": { "left-pad": "1.3.0" }\n}\n');
  h.commit(BOT, 150, 'Bump left-pad from 1.0.0 to 1.3.0');

  // The top experts keep working on their code, most recently of all.
  h.save('src/pricing/discounts.ts', discounts.rewrite('applyDiscount', 4, 7, 'alice tiers'));
  h.commit(alice, 120, 'Pricing: tiered discounts');
  h.save('src/checkout/cart.ts', cart.rewrite('addItem', 4, 7, 'carol quantities'));
  h.commit(carol, 100, 'Cart: quantities');
  h.save('src/payments/gateway.ts', gateway.rewrite('chargeCard', 7, 10, 'dave 3ds'));
  h.commit(dave, 90, 'Payments: 3-D Secure');
  h.save('src/auth/session.ts', session.rewrite('issueToken', 4, 7, 'bob rotation'));
  h.commit(bob, 80, 'Auth: rotate tokens');

  // A supplier feature branch, merged with a merge commit while main moved on.
  repo.git(['checkout', '-q', '-b', 'feature/receipt-totals']);
  h.save('src/receipts/receiptFormatter.ts', receipt.rewrite('formatReceipt', 4, 7, 'sam totals'));
  h.commit(sam, 60, 'Receipts: totals per tax rate');
  repo.git(['checkout', '-q', 'main']);
  repo.write('README.md', '# Acme shop\n\nThe storefront of Acme Corp. Ask #shop for help.\n');
  h.commit(YOU, 59, 'README: where to ask');
  h.commits++;
  const mergeCommit = repo.merge('feature/receipt-totals', { author: sam, date: h.date(58), message: 'Merge branch feature/receipt-totals' });

  h.save('src/pricing/discounts.ts', discounts.rewrite('applyDiscount', 7, 9, 'alice caps'));
  h.commit(alice, 30, 'Pricing: cap discounts');
  h.save('src/checkout/cart.ts', cart.rewrite('addItem', 7, 9, 'carol limits'));
  h.commit(carol, 25, 'Cart: stock limits');
  h.save('src/payments/gateway.ts', gateway.rewrite('chargeCard', 10, 12, 'dave idempotency'));
  h.commit(dave, 20, 'Payments: idempotency keys');
  h.save('src/auth/session.ts', session.rewrite('issueToken', 8, 9, 'bob audience'));
  h.commit(bob, 15, 'Auth: token audience');
  h.save('src/receipts/receiptFormatter.ts', receipt.rewrite('formatReceipt', 8, 9, 'sam rounding'));
  h.commit(sam, 10, 'Receipts: rounding');
  repo.write('README.md', '# Acme shop\n\nThe storefront of Acme Corp. Ask #shop for help.\nRun `npm test`.\n');
  h.commit(YOU, 5, 'README: how to test');

  const expect = (file: string, source: FixtureSourceFile, fn: string, top: FixturePerson, second: FixturePerson): FixtureExpectation => {
    const span = source.span(fn);
    return {
      file, functionName: fn, line: span.startLine, lineText: span.headerText, startLine: span.startLine, endLine: span.endLine,
      expectedTopEmails: [top.email, second.email], expectedRelationships: [top.relationship, second.relationship],
    };
  };
  return {
    renames,
    mergeCommit,
    expectations: [
      expect('src/checkout/cart.ts', cart, 'addItem', carol, bob),
      expect('src/pricing/discounts.ts', discounts, 'applyDiscount', alice, carol),
      expect('src/receipts/receiptFormatter.ts', receipt, 'formatReceipt', sam, bob),
      expect('src/auth/session.ts', session, 'issueToken', bob, alice),
      expect('src/payments/gateway.ts', gateway, 'chargeCard', dave, alice),
    ],
  };
}

export { History as FixtureHistory };

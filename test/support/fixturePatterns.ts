/**
 * The fixture's community pattern library (.constellation/patterns) and code that uses it: explicit
 * markers, detected uses, a deprecated and a retired pattern in use, an unknown marker id, and a
 * library problem (a dangling `related` id), a relative link between documents and a remote image. Usages are written by known people so the experts of
 * a pattern are known in advance. Only new files are added, in folders of their own. The demo
 * also has the `bulkhead` pattern, so its Problems view starts without that library error.
 */
import type { FixturePerson } from './fixtureOrg';
import { PEOPLE, YOU } from './fixtureOrg';
import type { FixtureHistory, FixturePreset } from './fixtureWorkspace';

export const PATTERN_LIBRARY_DIR = '.constellation/patterns';

interface PatternDoc {
  community: string;
  id: string;
  front: string[];
  body: string;
}

const doc = (community: string, id: string, front: string[], body: string): PatternDoc => ({ community, id, front, body });

const LIBRARY: PatternDoc[] = [
  doc('reliability', 'retry-with-backoff', [
    'title: Retry with exponential backoff',
    'summary: Retry transient failures a bounded number of times, waiting exponentially longer with jitter.',
    'community: reliability',
    'tags: [resilience, http]',
    'status: adopted',
    'maintainers: [dave@acme.example, bob-id]',
    'appliesTo:',
    '  languages: [typescript, javascript]',
    '  files: ["src/**"]',
    '  detect:',
    "    - 'retryWithBackoff\\('",
    'related: [idempotency-keys, circuit-breaker]',
    'examples:',
    '  - src/http/retryingClient.ts#L7-L18',
  ], '# Retry with exponential backoff\n\nA request that failed **transiently** (timeouts, `502`, `503`, `429`) often succeeds a moment later.\n\n## Do\n\n- Retry only idempotent calls, or calls with an [idempotency key](command:constellation.patterns.open?%5B%22idempotency-keys%22%5D).\n- Cap the attempts and add full jitter.\n- Stop retrying a dependency that stays down: put a [circuit breaker](circuit-breaker.md) in front of it.\n\n![Retry timeline](https://images.acme.example/retry-timeline.png)\n\n```ts\nconst profile = await retryWithBackoff(() => fetchProfile(id), { retries: 4, baseMs: 200 });\n```\n\nSee the [AWS Architecture Blog](https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/).\n'),
  doc('reliability', 'idempotency-keys', [
    'title: Idempotency keys for unsafe requests',
    'summary: Send a client-generated key with every POST that moves money, so a retried request is applied once.',
    'community: reliability',
    'tags: [resilience, payments]',
    'status: adopted',
    'maintainers: [alice@acme.example]',
    'appliesTo:',
    '  detect:',
    "    - 'Idempotency-Key'",
    'related: [retry-with-backoff]',
  ], '# Idempotency keys\n\nThe server stores the first response per key and replays it for repeats.\n'),
  doc('reliability', 'circuit-breaker', [
    'title: Circuit breaker around remote calls',
    'summary: Stop calling a failing dependency for a while instead of piling up timeouts.',
    'community: reliability',
    'tags: [resilience]',
    'status: proposed',
    'maintainers: [bob@acme.example]',
    'related: [retry-with-backoff, bulkhead]',
  ], '# Circuit breaker\n\nProposed: open after five consecutive failures, half-open after thirty seconds.\n'),
  doc('api-design', 'cursor-pagination', [
    'title: Cursor-based pagination',
    'summary: Page through lists with an opaque cursor instead of an offset, so pages stay stable under writes.',
    'community: api-design',
    'tags: [api, databases]',
    'status: adopted',
    'maintainers: [alice@acme.example]',
    'appliesTo:',
    '  detect:',
    "    - '\\bnextCursor\\b'",
    'examples:',
    '  - src/api/listOrders.ts#L5-L10',
  ], '# Cursor-based pagination\n\nReturn `nextCursor` with each page; the client sends it back for the next one.\n'),
  doc('api-design', 'offset-pagination', [
    'title: Offset pagination',
    'summary: LIMIT/OFFSET paging; slow on deep pages and unstable under concurrent writes.',
    'community: api-design',
    'tags: [api, databases]',
    'status: deprecated',
    'maintainers: [alice@acme.example]',
    'replacedBy: cursor-pagination',
    'appliesTo:',
    '  languages: [typescript, javascript, sql]',
    '  detect:',
    "    - '(?i)LIMIT\\s+\\d+\\s+OFFSET\\s+\\d+'",
  ], '# Offset pagination\n\nDeprecated: migrate to cursor pagination.\n'),
  doc('observability', 'structured-logging', [
    'title: Structured logging with stable event names',
    'summary: Log one object per event with a stable `event` name, never free text.',
    'community: observability',
    'tags: [logging]',
    'status: adopted',
    'maintainers: [carol@acme.example]',
    'appliesTo:',
    '  languages: [typescript, javascript]',
    '  detect:',
    "    - 'logger\\.(?:info|warn|error)\\(\\s*\\{'",
    'examples:',
    '  - src/logging/orderEvents.ts#L1-L13',
  ], '# Structured logging\n\n```ts\nlogger.info({ event: "order.placed", orderId });\n```\n'),
  doc('observability', 'printf-debugging', [
    'title: Console logging in services',
    'summary: console.log in service code; retired in favour of structured logging.',
    'community: observability',
    'tags: [logging]',
    'status: retired',
    'maintainers: [carol@acme.example]',
    'replacedBy: structured-logging',
    'appliesTo:',
    '  languages: [typescript, javascript]',
    '  files: ["src/**"]',
    '  detect:',
    "    - 'console\\.log\\('",
  ], '# Console logging (retired)\n\nKept so that links from old reviews still resolve.\n'),
  doc('delivery', 'feature-flag-naming', [
    'title: Feature flag naming',
    'summary: Name flags area.feature.stage so owners and clean-up dates are obvious.',
    'community: delivery',
    'tags: [feature-flags]',
    'status: adopted',
    'maintainers: [carol-c]',
    'appliesTo:',
    '  languages: [typescript]',
    '  detect:',
    "    - 'isEnabled\\(\\s*.[a-z0-9-]+\\.[a-z0-9-]+\\.[a-z0-9-]+.'",
  ], '# Feature flag naming\n\n`checkout.one-click.beta`: area, feature, stage.\n'),
];

const RETRYING_CLIENT = `// HTTP calls that survive flaky networks.
export interface RetryOptions {
  retries: number;
  baseMs: number;
}

// pattern: retry-with-backoff
export async function retryWithBackoff<T>(operation: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= options.retries) throw error;
      const ceiling = options.baseMs * 2 ** attempt;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
    }
  }
}

export function fetchProfile(url: string): Promise<unknown> {
  return retryWithBackoff(() => Promise.resolve({ url }), { retries: 3, baseMs: 200 });
}
`;

const CARRIER_CLIENT = `// Parcel carriers: quotes and labels.
import { retryWithBackoff } from '../http/retryingClient';

// pattern: retry-with-backof
export async function fetchQuote(carrier: string): Promise<number> {
  return retryWithBackoff(() => Promise.resolve(carrier.length * 100), { retries: 3, baseMs: 250 });
}

export function buyLabel(carrier: string): string {
  console.log(\`buying a label from \${carrier}\`);
  return \`\${carrier}-label\`;
}
`;

const LIST_ORDERS = `// Orders API: listing.
export interface Order { id: number; total: number }
type Query = (sql: string, params: unknown[]) => Promise<Order[]>;

/* pattern: cursor-pagination */
export async function listOrders(query: Query, cursor: number, limit: number): Promise<{ items: Order[]; nextCursor?: number }> {
  const rows = await query('SELECT id, total FROM orders WHERE id > $1 ORDER BY id LIMIT $2', [cursor, limit + 1]);
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? items[items.length - 1]?.id : undefined;
  return { items, nextCursor };
}

export const legacyQuery = 'SELECT id, total FROM orders LIMIT 50 OFFSET 100';
`;

const ORDER_EVENTS = `interface StructuredLogger {
  info(fields: Record<string, unknown>): void;
  warn(fields: Record<string, unknown>): void;
}

// pattern: structured-logging
export function orderPlaced(logger: StructuredLogger, orderId: string, amountCents: number): void {
  logger.info({ event: 'order.placed', orderId, amountCents });
}

export function orderRejected(logger: StructuredLogger, orderId: string, reason: string): void {
  logger.warn({ event: 'order.rejected', orderId, reason });
}
`;

const CHECKOUT_FLAGS = `type Flags = { isEnabled(name: string): boolean };

export function checkoutButtons(flags: Flags): string[] {
  const buttons = ['pay'];
  if (flags.isEnabled('checkout.one-click.beta')) buttons.push('one-click');
  return buttons;
}
`;

/** Only in the demo: it resolves circuit-breaker's `related: bulkhead` and shows links between patterns. */
const DEMO_ONLY: PatternDoc[] = [
  doc('reliability', 'bulkhead', [
    'title: Bulkheads between dependencies',
    'summary: Give each remote dependency its own bounded pool, so one slow service cannot exhaust every connection.',
    'community: reliability',
    'tags: [resilience]',
    'status: proposed',
    'maintainers: [dave@acme.example]',
    'related: [circuit-breaker]',
  ], [
    '# Bulkheads',
    '',
    'Pair it with a [circuit breaker](circuit-breaker.md) and [retries](retry-with-backoff): see [how the three fit](#together).',
    '',
    '## Together',
    '',
    'The bulkhead bounds the damage, the breaker stops calling, the retry recovers from blips.',
    '',
  ].join('\n')),
];

/** What tests may rely on. */
export interface FixturePatternInfo {
  libraryDir: string;
  patternIds: string[];
  /** The pattern with markers and detections in several files, and who wrote its uses (most lines first). */
  retry: { id: string; title: string; markerFile: string; markerLine: number; expertEmails: string[] };
  unknownMarker: { file: string; line: number; id: string; closest: string };
  deprecatedUse: { file: string; line: number; patternId: string; replacedBy: string };
  retiredUse: { file: string; line: number; patternId: string; replacedBy: string };
  /** A library problem: `related: [..., bulkhead]` in circuit-breaker.md. */
  danglingRelated: { file: string; line: number };
}

function render(pattern: PatternDoc): string {
  return ['---', `id: ${pattern.id}`, ...pattern.front, '---', '', pattern.body].join('\n');
}

function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`fixture text lacks ${needle}`);
  return index + 1;
}

/** Adds the library and its usages as recent commits; called once by createFixtureWorkspace. */
export function addPatternFixture(h: FixtureHistory, preset: FixturePreset): void {
  const { alice, bob, carol, dave } = PEOPLE;
  const files: Array<[string, string, FixturePerson, number, string]> = [
    ['src/http/retryingClient.ts', RETRYING_CLIENT, dave, 4, 'HTTP: retry with backoff'],
    ['src/shipping/carrierClient.ts', CARRIER_CLIENT, bob, 4, 'Shipping: carrier quotes'],
    ['src/api/listOrders.ts', LIST_ORDERS, alice, 3, 'API: list orders with cursors'],
    ['src/logging/orderEvents.ts', ORDER_EVENTS, carol, 3, 'Logging: order events'],
    ['src/flags/checkoutFlags.ts', CHECKOUT_FLAGS, carol, 3, 'Flags: checkout buttons'],
  ];
  for (const [file, text, author, daysAgo, message] of files) {
    h.repo.write(file, text);
    h.commit(author, daysAgo, message);
  }
  for (const pattern of preset === 'demo' ? [...LIBRARY, ...DEMO_ONLY] : LIBRARY) h.repo.write(`${PATTERN_LIBRARY_DIR}/${pattern.community}/${pattern.id}.md`, render(pattern));
  h.repo.write(`${PATTERN_LIBRARY_DIR}/README.md`, '# Acme patterns\n\nOne Markdown file per pattern, grouped by community.\n');
  h.commit(YOU, 2, 'Patterns: the first community patterns');
}

/** Where the fixture's pattern markers, uses and problems are (same for both presets). */
export function fixturePatternInfo(): FixturePatternInfo {
  const { bob, dave } = PEOPLE;
  const circuit = LIBRARY.find((p) => p.id === 'circuit-breaker');
  return {
    libraryDir: PATTERN_LIBRARY_DIR,
    patternIds: LIBRARY.map((p) => p.id),
    retry: { id: 'retry-with-backoff', title: 'Retry with exponential backoff', markerFile: 'src/http/retryingClient.ts', markerLine: lineOf(RETRYING_CLIENT, 'pattern: retry-with-backoff'), expertEmails: [dave.email, bob.email] },
    unknownMarker: { file: 'src/shipping/carrierClient.ts', line: lineOf(CARRIER_CLIENT, 'pattern: retry-with-backof'), id: 'retry-with-backof', closest: 'retry-with-backoff' },
    deprecatedUse: { file: 'src/api/listOrders.ts', line: lineOf(LIST_ORDERS, "legacyQuery = 'SELECT"), patternId: 'offset-pagination', replacedBy: 'cursor-pagination' },
    retiredUse: { file: 'src/shipping/carrierClient.ts', line: lineOf(CARRIER_CLIENT, 'console.log('), patternId: 'printf-debugging', replacedBy: 'structured-logging' },
    danglingRelated: { file: `${PATTERN_LIBRARY_DIR}/reliability/circuit-breaker.md`, line: (circuit ? circuit.front.findIndex((l) => l.startsWith('related:')) : -1) + 3 },
  };
}

import type { Relationship } from '../../src/core/directory/types';
import type { TestAuthor } from './gitRepo';

/** A person of the fixture organisation, with the relationship they have to "you". */
export interface FixturePerson extends TestAuthor {
  key: string;
  github?: string;
  team: string;
  relationship: Relationship;
}

/** The user of the workspace: `git config user.email` in the generated repository. */
export const YOU: FixturePerson = {
  key: 'you', name: 'Yuki Developer', email: 'you@acme.example', github: 'yuki-dev', team: 'checkout', relationship: 'your-team',
};

export const PEOPLE: Record<string, FixturePerson> = {
  you: YOU,
  carol: { key: 'carol', name: 'Carol Checkout', email: 'carol@acme.example', github: 'carol-c', team: 'checkout', relationship: 'your-team' },
  alice: { key: 'alice', name: 'Alice Pricing', email: 'alice@acme.example', github: 'alice-p', team: 'payments', relationship: 'other-team' },
  dave: { key: 'dave', name: 'Dave Smith', email: 'dave@acme.example', github: 'dsmith', team: 'payments', relationship: 'other-team' },
  bob: { key: 'bob', name: 'Bob Identity', email: 'bob@acme.example', github: 'bob-id', team: 'identity', relationship: 'other-business-unit' },
  eve: { key: 'eve', name: 'Eve Founder', email: 'eve@acme.example', github: 'eve-f', team: 'identity', relationship: 'other-business-unit' },
  sam: { key: 'sam', name: 'Sam Supplier', email: 'sam@supplier.example', team: 'supplier-engineering', relationship: 'other-company' },
};

/** Dave's old identity; `.mailmap` folds it into dave@acme.example. */
export const DAVE_OLD: TestAuthor = { name: 'dsmith', email: 'dave.smith@oldmail.example' };
export const BOT: TestAuthor = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };

/** Extra people for the demo preset (teams of the same directory). */
export const DEMO_PEOPLE: FixturePerson[] = [
  { key: 'farid', name: 'Farid Payments', email: 'farid@acme.example', github: 'farid-p', team: 'payments', relationship: 'other-team' },
  { key: 'grace', name: 'Grace Search', email: 'grace@acme.example', github: 'grace-s', team: 'search', relationship: 'other-business-unit' },
  { key: 'hiro', name: 'Hiro Checkout', email: 'hiro@acme.example', github: 'hiro-c', team: 'checkout', relationship: 'your-team' },
  { key: 'ines', name: 'Ines Identity', email: 'ines@acme.example', github: 'ines-i', team: 'identity', relationship: 'other-business-unit' },
  { key: 'jon', name: 'Jon Contractor', email: 'jon@supplier.example', team: 'supplier-engineering', relationship: 'other-company' },
];

export function directoryYaml(people: FixturePerson[]): string {
  const listed = people.filter((p) => !p.email.endsWith('@supplier.example'));
  const lines = [
    '# Who is who: people -> teams -> business units -> companies.',
    'companies:',
    '  - { id: acme, name: Acme Corp, domains: [acme.example] }',
    '  - { id: supplier, name: Supplier Ltd, domains: [supplier.example] }',
    'businessUnits:',
    '  - { id: commerce, name: Commerce, company: acme }',
    '  - { id: platform, name: Platform, company: acme }',
    '  - { id: supplier-services, name: Supplier Services, company: supplier }',
    'teams:',
    '  - { id: checkout, name: Checkout, businessUnit: commerce, github: acme/checkout }',
    '  - { id: payments, name: Payments, businessUnit: commerce, github: acme/payments }',
    '  - { id: identity, name: Identity, businessUnit: platform, github: acme/identity }',
    '  - { id: search, name: Search, businessUnit: platform, github: acme/search }',
    '  - { id: supplier-engineering, name: Supplier Engineering, businessUnit: supplier-services }',
    'people:',
  ];
  for (const p of listed) {
    lines.push(`  - email: ${p.email}`, `    name: ${p.name}`);
    if (p.github) lines.push(`    github: ${p.github}`);
    lines.push(`    team: ${p.team}`);
    if (p.key === 'dave') lines.push('    aliases: [dsmith@acme.example]');
  }
  lines.push('  # Everyone at the supplier belongs to its engineering team.', '  - email: "*@supplier.example"', '    team: supplier-engineering', '');
  return lines.join('\n');
}

export const CODEOWNERS = [
  '# Owners of the fixture organisation',
  '*                     @acme/identity',
  '/src/checkout/        @acme/checkout',
  '/src/pricing/         @acme/payments',
  '/src/payments/        @acme/payments @dsmith',
  '/src/auth/            @acme/identity',
  '/src/receipts/        @acme/checkout',
  '',
].join('\n');

export const MAILMAP = `Dave Smith <dave@acme.example> <${DAVE_OLD.email}>\n`;

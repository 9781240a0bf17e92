import * as assert from 'assert';
import { relationship } from '../../../src/core/directory/relationship';
import type { BusinessUnit, Company, Placement, Relationship, Team } from '../../../src/core/directory/types';

const acme: Company = { id: 'acme', name: 'Acme', domains: ['acme.example'] };
const supplier: Company = { id: 'supplier', name: 'Supplier', domains: [] };
const payments: BusinessUnit = { id: 'payments', name: 'Payments', company: 'acme' };
const logistics: BusinessUnit = { id: 'logistics', name: 'Logistics', company: 'acme' };
const checkout: Team = { id: 'checkout', name: 'Checkout', businessUnit: 'payments' };
const fraud: Team = { id: 'fraud', name: 'Fraud', businessUnit: 'payments' };
const shipping: Team = { id: 'shipping', name: 'Shipping', businessUnit: 'logistics' };
const platform: Team = { id: 'platform', name: 'Platform', company: 'acme' };
const tooling: Team = { id: 'tooling', name: 'Tooling', company: 'acme' };
const integration: Team = { id: 'integration', name: 'Integration', company: 'supplier' };

const at = (team?: Team, businessUnit?: BusinessUnit, company?: Company): Placement => ({ email: 'x@y', team, businessUnit, company });
const you = at(checkout, payments, acme);

/** Each row of the rule table in relationship.ts, with the rule number it exercises. */
const rows: Array<[string, Placement, Placement, Relationship]> = [
  ['1: same team', you, at(checkout, payments, acme), 'your-team'],
  ['1: same team even when the other placement lacks the unit object', you, at(checkout), 'your-team'],
  ['2: other company, both fully placed', you, at(integration, undefined, supplier), 'other-company'],
  ['2: other company known only by domain', you, at(undefined, undefined, supplier), 'other-company'],
  ['2: you known only by domain, other in another company', at(undefined, undefined, acme), at(integration, undefined, supplier), 'other-company'],
  ['3: other has no company at all', you, at(), 'unknown'],
  ['3: you have no company at all', at(), at(checkout, payments, acme), 'unknown'],
  ['3: a team with no company or unit on one side', you, at({ id: 'loose', name: 'Loose' }), 'unknown'],
  ['4: same company, other known only by domain', you, at(undefined, undefined, acme), 'unknown'],
  ['4: same company, both known only by domain', at(undefined, undefined, acme), at(undefined, undefined, acme), 'unknown'],
  ['5: same company, other business unit', you, at(shipping, logistics, acme), 'other-business-unit'],
  ['5: a team in a unit vs a team directly under the company', you, at(platform, undefined, acme), 'other-business-unit'],
  ['6: same unit, other team', you, at(fraud, payments, acme), 'other-team'],
  ['6: two teams directly under the same company', at(platform, undefined, acme), at(tooling, undefined, acme), 'other-team'],
  ['7: same unit, other placed in the unit but not in a team', you, at(undefined, payments, acme), 'unknown'],
];

describe('relationship rule table', () => {
  for (const [name, a, b, expected] of rows) {
    it(`${name} → ${expected}`, () => {
      assert.strictEqual(relationship(a, b), expected);
    });
  }

  it('is symmetric on every row', () => {
    for (const [name, a, b] of rows) {
      assert.strictEqual(relationship(b, a), relationship(a, b), name);
    }
  });
});

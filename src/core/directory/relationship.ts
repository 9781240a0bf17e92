import type { Placement, Relationship } from './types';

/**
 * How `other` stands relative to `you`. Rules, checked top to bottom (first match wins):
 *
 * | # | condition                                                        | result                |
 * |---|------------------------------------------------------------------|-----------------------|
 * | 1 | both have a team and it is the same team                          | your-team             |
 * | 2 | both have a company and the companies differ                      | other-company         |
 * | 3 | either company is unknown                                         | unknown               |
 * | 4 | same company, but either side's unit is unknown (no team, no BU)  | unknown               |
 * | 5 | same company, units differ                                        | other-business-unit   |
 * | 6 | same unit, both have a team (different, by rule 1)                | other-team            |
 * | 7 | same unit, either team unknown                                    | unknown               |
 *
 * "Unit" is the business unit; a team that sits directly under a company (no business unit) counts
 * as being in that company's "no unit" slot, so two such teams of one company are other teams of
 * each other, while such a team and a team inside a business unit are in other business units.
 * Rule 2 comes before the rest on purpose: knowing only the other side's company is enough to say
 * "other company", but never enough to say "your team" or "other team" (rules 4 and 7).
 */
export function relationship(you: Placement, other: Placement): Relationship {
  if (you.team && other.team && you.team.id === other.team.id) {
    return 'your-team';
  }
  const yourCompany = companyId(you);
  const theirCompany = companyId(other);
  if (yourCompany !== undefined && theirCompany !== undefined && yourCompany !== theirCompany) {
    return 'other-company';
  }
  if (yourCompany === undefined || theirCompany === undefined) {
    return 'unknown';
  }
  const yourUnit = unitKey(you);
  const theirUnit = unitKey(other);
  if (yourUnit === undefined || theirUnit === undefined) {
    return 'unknown';
  }
  if (yourUnit !== theirUnit) {
    return 'other-business-unit';
  }
  return you.team && other.team ? 'other-team' : 'unknown';
}

function companyId(p: Placement): string | undefined {
  return p.company?.id ?? p.businessUnit?.company;
}

/** The business unit id, or a marker for a team placed directly under its company. */
function unitKey(p: Placement): string | undefined {
  const unit = p.businessUnit?.id ?? p.team?.businessUnit;
  if (unit !== undefined) {
    return `unit:${unit}`;
  }
  return p.team ? '(directly under the company)' : undefined;
}

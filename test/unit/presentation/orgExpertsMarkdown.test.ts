import * as assert from 'assert';
import type { OrgExpert, WhoKnowsAnswer } from '../../../src/core/hub/whoKnows';
import { commandUri } from '../../../src/core/presentation/expertsMarkdown';
import { formatOrgExpertsHover, ORG_HOVER_TITLE, type OrgHoverOptions } from '../../../src/core/presentation/orgExpertsMarkdown';
import { withinBudget } from '../../../src/core/util/withinBudget';

function expert(name: string, extra: Partial<OrgExpert> = {}): OrgExpert {
  return {
    key: `@${name.toLowerCase()}`, name, email: `${name.toLowerCase()}@acme.example`, login: name.toLowerCase(),
    placement: { email: `${name.toLowerCase()}@acme.example`, team: { id: 'ledger', name: 'Ledger' }, businessUnit: { id: 'fin', name: 'Finance', company: 'acme' }, company: { id: 'acme', name: 'Acme', domains: [] } },
    relationship: 'other-business-unit', score: 1, former: false, lastActive: 0, repositories: [], explanation: '4 changes in acme/ledger (the whole repository)', ...extra,
  };
}

const options: OrgHoverOptions = {
  specifier: '@acme/ledger/client',
  count: 2,
  askLink: (e) => commandUri('constellation.org.ask', [{ name: e.name }]),
  copyEmailLink: (email) => commandUri('constellation.experts.copyEmail', [email]),
  searchLink: commandUri('constellation.org.whoKnows', ['@acme/ledger/client']),
  source: 'acme/hub/index',
};

describe('the hover of an imported package\'s experts', () => {
  it('names the package, its home, each expert\'s place and relationship, with ask, copy and search links', () => {
    const answer: WhoKnowsAnswer = { resolvedAs: 'package npm:@acme/ledger', matched: ['acme/ledger:packages/ledger'], experts: [expert('Sylvia'), expert('Robert', { former: true, email: undefined }), expert('Jake')] };
    const text = formatOrgExpertsHover(answer, options) ?? '';
    assert.ok(text.startsWith(`**$(organization) ${ORG_HOVER_TITLE}:** \\@acme/ledger/client — in acme/ledger (packages/ledger)`), text);
    assert.match(text, /^\*\*Sylvia\*\* `other business unit` — Ledger · Finance · Acme {2}$/m);
    assert.match(text, /^\*\*Robert\*\* \*\(former\)\*/m);
    assert.ok(!text.includes('Jake'), 'count experts only');
    assert.strictEqual((text.match(/\[\$\(copy\) Copy email\]/g) ?? []).length, 1, 'no email, no copy link');
    assert.ok(text.includes('command:constellation.org.whoKnows?'));
  });

  it('escapes what comes from repositories, and shows nothing without experts', () => {
    const answer: WhoKnowsAnswer = { resolvedAs: 'x', matched: ['evil/[x](y):a'], experts: [expert('*Mal* @everyone')] };
    const text = formatOrgExpertsHover(answer, { ...options, specifier: '[pkg](command:x)' }) ?? '';
    assert.ok(text.includes('\\[pkg\\]\\(command:x\\)') && text.includes('evil/\\[x\\]\\(y\\)'), text);
    assert.ok(text.includes('\\*Mal\\* \\@everyone'));
    assert.strictEqual(formatOrgExpertsHover({ resolvedAs: 'x', matched: [], experts: [] }, options), undefined);
  });
});

describe('work within a budget', () => {
  it('gives the result in time, undefined when late (the work goes on), and passes failures through', async () => {
    assert.strictEqual(await withinBudget(Promise.resolve(4), 50), 4);
    let finished = false;
    const late = new Promise<number>((resolve) => setTimeout(() => { finished = true; resolve(5); }, 80));
    assert.strictEqual(await withinBudget(late, 10), undefined);
    await late;
    assert.ok(finished);
    await assert.rejects(withinBudget(Promise.reject(new Error('no')), 50), /no/);
  });
});

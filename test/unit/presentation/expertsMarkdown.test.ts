import * as assert from 'assert';
import type { Relationship } from '../../../src/core/directory/types';
import type { EvidenceKind, ExpertRanking, RankedExpert } from '../../../src/core/experts/types';
import { commandUri, escapeMarkdown, formatExpertsHover, type HoverTextOptions } from '../../../src/core/presentation/expertsMarkdown';

function expert(name: string, relationship: Relationship, score: number, former = false, evidenceKind: EvidenceKind = 'lines'): RankedExpert {
  return {
    email: `${name.toLowerCase()}@acme.example`,
    name,
    score,
    evidence: { changes: 3, created: false },
    evidenceKind,
    explanation: `wrote ${Math.round(score * 100)}% of these lines`,
    former,
    placement: { email: `${name.toLowerCase()}@acme.example`, team: { id: 't', name: `Team of ${name}` } },
    relationship,
  };
}

function ranking(experts: RankedExpert[], extra: Partial<ExpertRanking> = {}): ExpertRanking {
  return { target: { path: 'a.ts', kind: 'lines', startLine: 1, endLine: 3 }, experts, total: experts.length, knowledgeAtRisk: false, partial: false, historyIncomplete: false, ...extra };
}

const options: HoverTextOptions = {
  crossTeamFirst: true,
  count: 3,
  commandLink: commandUri,
  target: { uri: 'file:///a.ts', startLine: 1, endLine: 3 },
  indexing: false,
};

describe('expert hover Markdown', () => {
  it('puts cross-team experts first among comparable ones, badges each relationship and limits to the count', () => {
    const text = formatExpertsHover(ranking([
      expert('Robert', 'your-team', 1),
      expert('Sylvia', 'other-business-unit', 0.8),
      expert('Julie', 'other-company', 0.6),
      expert('Jake', 'other-team', 0.55),
    ], { total: 7 }), options)!;
    assert.ok(text.indexOf('Julie') < text.indexOf('Sylvia'), 'other company before other business unit');
    assert.ok(text.indexOf('Sylvia') < text.indexOf('Robert'), 'other business unit before your team');
    assert.ok(!text.includes('Jake'), 'only the top 3 by score are shown');
    assert.match(text, /`other company`/);
    assert.match(text, /`your team`/);
    assert.match(text, /Show all experts \(7\)/, 'the true number of people with evidence');
  });

  it('never lifts someone with weak evidence over a strong one', () => {
    const text = formatExpertsHover(ranking([expert('Robert', 'your-team', 1), expert('Julie', 'other-company', 0.2)]), options)!;
    assert.ok(text.indexOf('Robert') < text.indexOf('Julie'));
  });

  it('lists people who only know the area after the others, labelled with the folder and their changes', () => {
    const area = expert('Alice', 'other-team', 1, false, 'area');
    area.evidence.area = { folder: 'src/pricing', changes: 12 };
    const text = formatExpertsHover(ranking([area, expert('Robert', 'your-team', 0.1)]), options)!;
    assert.ok(text.indexOf('Robert') < text.indexOf('Alice'), 'evidence on the code first, whatever the score');
    assert.match(text, /knows this area: src\/pricing\/ · 12 changes/);
  });

  it('links only the expert commands, with JSON arguments', () => {
    const text = formatExpertsHover(ranking([expert('Sylvia', 'other-team', 1)]), options)!;
    const commands = [...text.matchAll(/\(command:([\w.]+)\?/g)].map((m) => m[1]);
    assert.deepStrictEqual([...new Set(commands)].sort(), ['constellation.experts.askInThread', 'constellation.experts.copyEmail', 'constellation.experts.showAll']);
    const copy = /command:constellation\.experts\.copyEmail\?([^ )]+)/.exec(text)![1];
    assert.deepStrictEqual(JSON.parse(decodeURIComponent(copy)), ['sylvia@acme.example']);
  });

  it('names the CODEOWNERS owners of the code', () => {
    const text = formatExpertsHover(ranking([expert('Sylvia', 'other-team', 1)], { owners: ['Checkout', '@octo_cat'] }), options)!;
    // One escaper for hovers and thread bodies: `@` is escaped too (it renders as @, and never mentions).
    assert.match(text, /Owned by Checkout, \\@octo\\_cat \(CODEOWNERS\)/);
  });

  it('says when knowledge is at risk, history is partial or indexing is running', () => {
    const text = formatExpertsHover(ranking([expert('Old', 'other-team', 1, true)], { knowledgeAtRisk: true, historyIncomplete: true }), { ...options, indexing: true })!;
    assert.match(text, /\*\(former\)\*/);
    assert.match(text, /Knowledge at risk/);
    assert.ok(text.indexOf('Knowledge at risk') < text.indexOf('Old'), 'said before the names');
    assert.match(text, /History incomplete/);
    assert.match(text, /Indexing history/);
  });

  it('shows an indexing line while nothing is known yet, and nothing when there is nothing to say', () => {
    assert.match(formatExpertsHover(undefined, { ...options, indexing: true })!, /Indexing history/);
    assert.strictEqual(formatExpertsHover(undefined, options), undefined);
    assert.strictEqual(formatExpertsHover(ranking([]), options), undefined);
  });

  it('escapes names that look like Markdown or links', () => {
    assert.strictEqual(escapeMarkdown('[x](command:evil)'), '\\[x\\]\\(command:evil\\)');
    const text = formatExpertsHover(ranking([expert('[Eve](command:workbench.action.quit)', 'unknown', 1)]), options)!;
    assert.ok(!text.includes('(command:workbench.action.quit)'));
    assert.ok(!text.includes('workbench.action.quit)'), 'no parenthesis can close a link early');
    const links = [...text.matchAll(/\]\((command:[^ )]+)/g)].map((m) => m[1]);
    for (const link of links) assert.ok(link.startsWith('command:constellation.experts.'), link);
  });
});

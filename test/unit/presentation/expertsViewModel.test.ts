import * as assert from 'assert';
import type { Relationship } from '../../../src/core/directory/types';
import type { EvidenceKind, ExpertEvidence, ExpertRanking, RankedExpert } from '../../../src/core/experts/types';
import { shortEvidence } from '../../../src/core/presentation/expertsMarkdown';
import { describeTarget, expertsViewModel, isExpertsScope } from '../../../src/core/presentation/expertsViewModel';

function expert(name: string, score: number, relationship: Relationship, evidenceKind: EvidenceKind = 'file', evidence: Partial<ExpertEvidence> = {}, former = false): RankedExpert {
  const email = `${name.toLowerCase()}@acme.example`;
  return {
    email, name, score, evidenceKind, former, relationship,
    evidence: { changes: 2, created: false, ...evidence },
    explanation: `explains ${name}`,
    placement: { email, team: { id: 't', name: 'Checkout' } },
  };
}

function ranking(kind: ExpertRanking['target']['kind'], experts: RankedExpert[], extra: Partial<ExpertRanking> = {}): ExpertRanking {
  return { target: { path: kind === 'folder' ? 'src/checkout' : 'src/checkout/cart.ts', kind }, experts, total: experts.length, knowledgeAtRisk: false, partial: false, historyIncomplete: false, ...extra };
}

describe('Experts view model', () => {
  it('says what the view shows: lines of a file, a file, a folder', () => {
    assert.strictEqual(describeTarget({ kind: 'lines', path: 'src/checkout/cart.ts', startLine: 18, endLine: 22 }), 'lines 18–22 of cart.ts');
    assert.strictEqual(describeTarget({ kind: 'lines', path: 'cart.ts', startLine: 7, endLine: 7 }), 'line 7 of cart.ts');
    assert.strictEqual(describeTarget({ kind: 'file', path: 'src/checkout/cart.ts' }), 'cart.ts');
    assert.strictEqual(describeTarget({ kind: 'folder', path: 'src/checkout' }), 'src/checkout/');
    assert.strictEqual(describeTarget({ kind: 'folder', path: '' }), 'the repository');
    assert.ok(isExpertsScope('folder') && !isExpertsScope('repository') && !isExpertsScope(undefined));
  });

  it('lists the code\'s experts first, then at most two who only know the area, apart and labelled', () => {
    const areaOnly = (name: string, score: number) => expert(name, score, 'other-team', 'area', { changes: 0, area: { folder: 'src/pricing', changes: 12 } });
    const model = expertsViewModel(ranking('lines', [
      areaOnly('Ann', 1), expert('Bob', 0.4, 'your-team', 'lines', { blameShare: 1, blameLines: 5, changes: 14 }), areaOnly('Cat', 0.9), areaOnly('Dan', 0.8),
      expert('Eve', 0.15, 'other-company'),
    ], { total: 5 }), { crossTeamFirst: true });
    assert.deepStrictEqual(model.code.map((r) => r.expert.name), ['Bob', 'Eve'], 'weak Eve is not lifted over strong Bob');
    assert.strictEqual(model.code[0].description, 'your team · 100% of lines · 14 changes');
    assert.ok(model.area);
    assert.strictEqual(model.area.label, 'src/pricing/');
    assert.deepStrictEqual(model.area.experts.map((r) => r.expert.name), ['Ann', 'Cat']);
    assert.strictEqual(model.area.experts[0].description, 'other team · knows this area: src/pricing/ · 12 changes');
    assert.strictEqual(model.all.total, 5);
    assert.deepStrictEqual(model.all.experts.map((r) => r.expert.name), ['Ann', 'Bob', 'Cat', 'Dan', 'Eve'], 'everyone, in ranking order');
    assert.strictEqual(model.code[0].details, 'explains Bob\nCheckout');
  });

  it('counts everyone with evidence, even past the list it was given', () => {
    const model = expertsViewModel(ranking('file', [expert('Bob', 1, 'your-team')], { total: 40 }), { crossTeamFirst: true });
    assert.strictEqual(model.all.total, 40);
  });

  it('marks former people and knowledge at risk', () => {
    const model = expertsViewModel(ranking('file', [expert('Old', 1, 'other-team', 'file', {}, true), expert('New', 0.9, 'other-company', 'area', { changes: 0, area: { folder: 'src', changes: 30 } })], { knowledgeAtRisk: true }), { crossTeamFirst: true });
    assert.ok(model.knowledgeAtRisk);
    assert.strictEqual(model.code[0].description, 'other team · 2 changes · former');
    assert.deepStrictEqual(model.area?.experts.map((r) => r.expert.name), ['New']);
  });

  it('shows a folder\'s people as one list, by what they did there', () => {
    const model = expertsViewModel(ranking('folder', [
      expert('Bob', 1, 'your-team', 'area', { changes: 30, filesCreated: 2 }), expert('Eve', 0.9, 'other-company', 'area', { changes: 20 }),
    ]), { crossTeamFirst: true });
    assert.strictEqual(model.area, undefined);
    assert.deepStrictEqual(model.code.map((r) => r.expert.name), ['Eve', 'Bob'], 'comparable evidence: cross-team first');
    assert.strictEqual(model.code[1].description, 'your team · 30 changes · created 2 files');
  });

  it('puts the evidence in a few words', () => {
    assert.strictEqual(shortEvidence(expert('A', 1, 'unknown', 'lines', { blameShare: 0.004, blameLines: 1, changes: 1, created: true })), 'under 1% of lines · 1 change · created it');
    assert.strictEqual(shortEvidence(expert('A', 1, 'unknown', 'area', { changes: 0, area: { folder: '', changes: 3 } })), 'knows this area: the repository · 3 changes');
  });
});

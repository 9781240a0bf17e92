import * as assert from 'assert';
import { existsSync, readFileSync, statSync, writeFileSync } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { parseDirectoryConfig } from '../../src/core/directory/directoryConfig';
import type { ConstellationApi } from '../../src/extension';
import type { DraftOutcome } from '../../src/vscode/directory/draftDirectoryFile';
import { TestRepo } from '../support/gitRepo';
import { PromptDriver } from './support/prompts';

const DAY = 86_400_000;
const ago = (days: number): string => new Date(Date.now() - days * DAY).toISOString();
const ana = { name: 'Ana Lima', email: 'ana@shop.example' };
const ben = { name: 'Ben Okafor', email: 'ben@shop.example' };
const chen = { name: 'Chen Wu', email: 'chen@agency.example' };
const bot = { name: 'renovate[bot]', email: '29139614+renovate[bot]@users.noreply.github.com' };

describe('Draft Org Directory from History', function () {
  this.timeout(90_000);
  let api: ConstellationApi;
  let repo: TestRepo;
  let prompts: PromptDriver;
  let file: string;

  before(async () => {
    api = (await vscode.extensions.getExtension<ConstellationApi>('constellation.constellation')?.activate()) as ConstellationApi;
    // A person's own repository: no directory yet, teams in CODEOWNERS, a contractor's domain.
    repo = TestRepo.create('constellation-own-repo-');
    repo.write('CODEOWNERS', '/checkout/ @shop/checkout\n/catalog/ @shop/catalog\n');
    repo.write('checkout/cart.ts', 'export const cart = 1;\n').commit({ author: ana, date: ago(40) });
    for (let i = 0; i < 3; i++) repo.write('checkout/cart.ts', `export const cart = ${i + 2};\n`).commit({ author: ana, date: ago(30 - i) });
    for (let i = 0; i < 2; i++) repo.write('catalog/item.ts', `export const item = ${i};\n`).commit({ author: ben, date: ago(20 - i) });
    repo.write('catalog/item.ts', 'export const item = 9;\n').commit({ author: chen, date: ago(10) });
    repo.write('package.json', '{}\n').commit({ author: bot, date: ago(5) });
    file = path.join(repo.root, '.constellation', 'directory.yml');
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    repo.dispose();
  });
  beforeEach(async () => {
    prompts = new PromptDriver(api);
    await vscode.window.showTextDocument(vscode.Uri.file(path.join(repo.root, 'checkout', 'cart.ts')));
  });
  afterEach(() => prompts.dispose());

  it('writes .constellation/directory.yml from the authors: teams from CODEOWNERS, companies from email domains, no bots', async () => {
    assert.ok(!existsSync(file));
    const outcome = await vscode.commands.executeCommand<DraftOutcome>('constellation.directory.draft');
    assert.deepStrictEqual(outcome, { written: file });
    const text = readFileSync(file, 'utf8');
    assert.match(text, /^# \.constellation\/directory\.yml: DRAFTED by Constellation \(Draft Org Directory from History\)/);
    const { config, diagnostics } = parseDirectoryConfig(text, file);
    assert.deepStrictEqual(diagnostics, []);
    assert.deepStrictEqual(config.companies.map((c) => [c.id, c.domains]).sort(), [['agency', ['agency.example']], ['shop', ['shop.example']]]);
    assert.deepStrictEqual(config.teams.map((t) => [t.id, t.github]).sort(), [['catalog', '@shop/catalog'], ['checkout', '@shop/checkout']]);
    const team = (email: string): string | undefined => config.people.find((p) => p.email === email)?.team;
    assert.strictEqual(team(ana.email), 'checkout');
    assert.strictEqual(team(ben.email), 'catalog');
    assert.ok(!config.people.some((p) => p.email.includes('renovate')), 'no bot');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, file, 'opened for the person to correct');
    assert.deepStrictEqual(prompts.unread().choices, [], 'nothing asked when there is no file yet');
  });

  it('asks before touching an existing file: Cancel and "Open the Draft Beside It" leave it as it is, "Replace It" replaces it', async () => {
    writeFileSync(file, '# my own directory, edited by hand\n');
    api.platform.prompts.answerChoices(undefined);
    assert.strictEqual(await vscode.commands.executeCommand('constellation.directory.draft'), undefined);
    const asked = await prompts.nextChoice();
    assert.match(asked.message, /\.constellation\/directory\.yml already exists/);
    assert.deepStrictEqual(asked.choices, ['Open the Draft Beside It', 'Replace It']);
    assert.strictEqual(readFileSync(file, 'utf8'), '# my own directory, edited by hand\n', 'cancelled: untouched');

    await vscode.window.showTextDocument(vscode.Uri.file(path.join(repo.root, 'checkout', 'cart.ts')));
    api.platform.prompts.answerChoices('Open the Draft Beside It');
    const beside = await vscode.commands.executeCommand<DraftOutcome>('constellation.directory.draft');
    assert.ok(beside && 'untitled' in beside, 'an untitled draft');
    const draft = vscode.workspace.textDocuments.find((d) => d.uri.toString() === beside.untitled);
    assert.ok(draft && draft.isUntitled);
    assert.match(draft.getText(), /@shop\/checkout/);
    await vscode.window.showTextDocument(draft);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    assert.strictEqual(readFileSync(file, 'utf8'), '# my own directory, edited by hand\n', 'opened beside: untouched');

    await vscode.window.showTextDocument(vscode.Uri.file(path.join(repo.root, 'checkout', 'cart.ts')));
    api.platform.prompts.answerChoices('Replace It');
    assert.deepStrictEqual(await vscode.commands.executeCommand<DraftOutcome>('constellation.directory.draft'), { written: file });
    assert.match(readFileSync(file, 'utf8'), /^# \.constellation\/directory\.yml: DRAFTED/);
  });

  it('is the second step of the Getting Started walkthrough, whose every step links a real command or view and shows its own page', async () => {
    const extension = vscode.extensions.getExtension('constellation.constellation');
    assert.ok(extension);
    type Step = { id: string; description: string; media: { markdown?: string }; completionEvents?: string[] };
    const walkthroughs = (extension.packageJSON as { contributes: { walkthroughs?: Array<{ id: string; steps: Step[] }> } }).contributes.walkthroughs ?? [];
    const steps = walkthroughs.find((w) => w.id === 'gettingStarted')?.steps ?? [];
    assert.deepStrictEqual(steps.map((s) => s.id), ['whoKnows', 'directory', 'patterns', 'thread']);
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const step of steps) {
      const linked = [...step.description.matchAll(/\]\(command:([\w.]+)\)/g)].map((m) => m[1]);
      assert.strictEqual(linked.length, 1, `${step.id}: one command link`);
      assert.ok(commands.has(linked[0]), `${step.id}: ${linked[0]} is a command`);
      assert.ok(step.media.markdown && statSync(path.join(extension.extensionPath, step.media.markdown)).isFile(), `${step.id}: its page exists`);
      assert.ok(step.completionEvents?.length, `${step.id}: completes`);
    }
    assert.match(steps[1].description, /command:constellation\.directory\.draft/);
    assert.match(steps[3].description, /command:constellation\.threads\.start/);
  });
});

/**
 * "Constellation: Who Knows…?": a quick pick whose results follow what is typed (a package, a
 * path, a glob, `repo:glob`, a pattern or a community), answered from the hub index across every
 * repository. Picking a person offers to ask them in a design thread or to copy their email.
 */
import * as vscode from 'vscode';
import { RELATIONSHIP_LABELS } from '../../core/directory/types';
import type { OrgExpert, WhoKnowsAnswer } from '../../core/hub';
import { placeOfOrgExpert } from '../../core/presentation/orgExpertsMarkdown';
import { Debouncer } from '../../core/util/debounce';

export type PersonAction = 'ask' | 'copyEmail';

export interface WhoKnowsItem extends vscode.QuickPickItem {
  expert?: OrgExpert;
  action?: PersonAction | 'back' | 'settings';
}

/** What a search gives the picker: an answer, or a sentence saying why there is none. */
export type WhoKnowsSearch = (text: string) => Promise<WhoKnowsAnswer | string>;

const TYPING_DEBOUNCE_MS = 150;
export const PLACEHOLDER = 'A package (@acme/http), a path (src/retry/), a glob, repo:glob, a pattern or a community';

export function expertItem(expert: OrgExpert): WhoKnowsItem {
  const place = placeOfOrgExpert(expert);
  return {
    label: `$(person) ${expert.name}${expert.former ? ' (former)' : ''}`,
    description: [RELATIONSHIP_LABELS[expert.relationship], place].filter(Boolean).join(' · '),
    detail: expert.explanation,
    alwaysShow: true,
    expert,
  };
}

export class WhoKnowsPicker implements vscode.Disposable {
  readonly pick = vscode.window.createQuickPick<WhoKnowsItem>();
  private readonly typing = new Debouncer(TYPING_DEBOUNCE_MS);
  private readonly disposables: vscode.Disposable[] = [];
  private generation = 0;
  private searching: Promise<void> = Promise.resolve();
  private chosen: OrgExpert | undefined;
  private lastQuery = '';
  private open = false;

  constructor(
    private readonly search: WhoKnowsSearch,
    private readonly act: (expert: OrgExpert, action: PersonAction, query: string) => Promise<void>,
    private readonly openSettings: () => Thenable<unknown>,
  ) {
    this.pick.title = 'Constellation: Who Knows…?';
    this.pick.placeholder = PLACEHOLDER;
    this.pick.matchOnDescription = true;
    this.disposables.push(
      this.pick.onDidChangeValue((value) => {
        if (value.trim() === this.lastQuery && !this.chosen) return;
        this.chosen = undefined;
        this.typing.schedule(() => this.runSearch(value));
      }),
      this.pick.onDidAccept(() => void this.accept()),
      this.pick.onDidHide(() => this.dispose()),
    );
  }

  /** Shown, and neither accepted nor dismissed yet. */
  get isOpen(): boolean {
    return this.open;
  }

  show(query = ''): void {
    this.pick.value = query;
    this.open = true;
    this.pick.show();
    if (query) this.runSearch(query);
  }

  /** What typing `text` does (the extension setting `value` is not echoed as a change event). */
  type(text: string): void {
    this.pick.value = text;
    this.chosen = undefined;
    this.typing.cancel();
    this.runSearch(text);
  }

  /** Resolves once the search for the latest text has shown its results. */
  async settled(): Promise<void> {
    while (this.typing.pending) await new Promise((resolve) => setTimeout(resolve, TYPING_DEBOUNCE_MS));
    await this.searching;
  }

  /** Accepts the active item, as Enter does. */
  async accept(): Promise<void> {
    const item = this.pick.activeItems[0] ?? this.pick.selectedItems[0];
    if (!item) return;
    if (item.action === 'settings') {
      this.hide();
      await this.openSettings();
    } else if (item.action === 'back') {
      this.chosen = undefined;
      this.runSearch(this.pick.value);
    } else if (item.action && this.chosen) {
      const expert = this.chosen;
      this.hide();
      await this.act(expert, item.action, this.lastQuery);
    } else if (item.expert) {
      this.offerActions(item.expert);
    }
  }

  private runSearch(text: string): void {
    const generation = ++this.generation;
    const query = text.trim();
    this.lastQuery = query;
    if (!query) {
      this.pick.items = [];
      this.pick.busy = false;
      return;
    }
    this.pick.busy = true;
    this.searching = this.search(query).then(
      (answer) => {
        if (generation !== this.generation || this.chosen) return;
        this.pick.items = this.itemsFor(answer, query);
      },
      (err: unknown) => {
        if (generation === this.generation) this.pick.items = [{ label: `$(error) ${err instanceof Error ? err.message : String(err)}`, alwaysShow: true }];
      },
    ).finally(() => {
      if (generation === this.generation) this.pick.busy = false;
    });
  }

  private itemsFor(answer: WhoKnowsAnswer | string, query: string): WhoKnowsItem[] {
    if (typeof answer === 'string') return [{ label: `$(info) ${answer}`, alwaysShow: true, action: /constellation\.hub\.repository/.test(answer) ? 'settings' : undefined }];
    const heading: WhoKnowsItem = { label: answer.resolvedAs, kind: vscode.QuickPickItemKind.Separator };
    if (answer.experts.length === 0) return [heading, { label: `$(info) Nobody in the hub index knows "${query}"`, alwaysShow: true }];
    return [heading, ...answer.experts.map(expertItem)];
  }

  private offerActions(expert: OrgExpert): void {
    this.chosen = expert;
    const items: WhoKnowsItem[] = [
      { label: `$(comment-discussion) Ask ${expert.name} in a design thread`, alwaysShow: true, action: 'ask' },
      ...(expert.email ? [{ label: `$(copy) Copy ${expert.email}`, alwaysShow: true, action: 'copyEmail' as const }] : []),
      { label: '$(arrow-left) Back to the results', alwaysShow: true, action: 'back' },
    ];
    this.pick.items = items;
    this.pick.activeItems = [items[0]];
  }

  private hide(): void {
    this.open = false;
    this.pick.hide();
  }

  dispose(): void {
    this.open = false;
    this.typing.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.pick.dispose();
  }
}

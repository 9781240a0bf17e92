/** Drives the extension's input steps the way a person does: through the workbench's quick input. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ConstellationApi } from '../../../src/extension';
import type { ChoiceAsked, PromptShown } from '../../../src/vscode/platform/prompts';

/** A queue of something the extension fires, read one at a time. */
class Queue<T> {
  private readonly buffered: T[] = [];
  private readonly waiting: Array<(value: T) => void> = [];

  push(value: T): void {
    const waiter = this.waiting.shift();
    if (waiter) waiter(value);
    else this.buffered.push(value);
  }

  next(what: string, timeoutMs: number): Promise<T> {
    const value = this.buffered.shift();
    if (value !== undefined) return Promise.resolve(value);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
      this.waiting.push((v) => { clearTimeout(timer); resolve(v); });
    });
  }

  pending(): T[] {
    return this.buffered.splice(0);
  }
}

export class PromptDriver implements vscode.Disposable {
  private readonly prompts = new Queue<PromptShown>();
  private readonly choices = new Queue<ChoiceAsked>();
  private readonly listeners: vscode.Disposable[];

  constructor(private readonly api: ConstellationApi) {
    this.listeners = [
      api.platform.prompts.onDidShowPrompt((p) => this.prompts.push(p)),
      api.platform.prompts.onDidAskChoice((c) => this.choices.push(c)),
    ];
  }

  /** The next input step the extension shows. */
  next(timeoutMs = 15_000): Promise<PromptShown> {
    return this.prompts.next('an input step', timeoutMs);
  }

  /** The next modal choice the extension asks (answered with `answerChoices`). */
  nextChoice(timeoutMs = 15_000): Promise<ChoiceAsked> {
    return this.choices.next('a modal choice', timeoutMs);
  }

  /** Choices asked and prompts shown so far that nobody read. */
  unread(): { prompts: PromptShown[]; choices: ChoiceAsked[] } {
    return { prompts: this.prompts.pending(), choices: this.choices.pending() };
  }

  /** Types into the step shown now (when `text` is given) and presses Enter. */
  async accept(text?: string): Promise<void> {
    if (text !== undefined) assert.ok(await this.api.platform.prompts.type(text), 'a prompt is shown');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }

  /** Presses Escape on the step shown now. */
  async cancel(): Promise<void> {
    // Typing first waits until the workbench shows the step, so Escape reaches it.
    assert.ok(await this.api.platform.prompts.type(' '), 'a prompt is shown');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  }

  dispose(): void {
    this.api.platform.prompts.reset();
    for (const l of this.listeners) l.dispose();
  }
}

/**
 * Asking the person: the steps of a multi-step input (numbered from what is really asked, with a
 * Back button) and modal choices that cannot be missed. The extension's tests observe every prompt
 * and answer it through the test API (`promptsTestHooks`), never in normal use.
 */
import * as vscode from 'vscode';
import { notify } from './notify';

export const BACK = Symbol('back');
export type StepAnswer<T> = T | undefined | typeof BACK;

interface StepBase {
  title: string;
  /** 1-based position and count, shown as "2/5"; omitted for a single question. */
  step?: number;
  totalSteps?: number;
}

export interface TextStep extends StepBase {
  prompt: string;
  value?: string;
  placeholder?: string;
  /** Why the text cannot be accepted, or undefined when it can. */
  validate?: (value: string) => string | undefined;
}

export interface PickStep<T> extends StepBase {
  placeholder: string;
  items: ReadonlyArray<vscode.QuickPickItem & { value: T }>;
}

/** A prompt as it was shown, for the extension's tests. */
export interface PromptShown {
  kind: 'text' | 'pick';
  title: string;
  step?: number;
  totalSteps?: number;
  /** The prompt of a text step, the placeholder of a pick. */
  prompt: string;
  items?: string[];
}

export interface ChoiceAsked {
  message: string;
  detail?: string;
  choices: string[];
}

const shownPrompts = new vscode.EventEmitter<PromptShown>();
const askedChoices = new vscode.EventEmitter<ChoiceAsked>();
let current: vscode.InputBox | vscode.QuickPick<vscode.QuickPickItem> | undefined;
/** Answers the tests gave for the next modal choices (undefined = Cancel), in order. */
const scriptedChoices: Array<string | undefined> = [];
/** Set by activation in ExtensionMode.Test only: before that, the test hooks answer nothing. */
let testMode = false;

/** Lets the extension's tests answer prompts (called by activation in ExtensionMode.Test only). */
export function enablePromptTestHooks(): void {
  testMode = true;
}

function configure(input: vscode.InputBox | vscode.QuickPick<vscode.QuickPickItem>, step: StepBase): void {
  input.title = step.title;
  input.step = step.totalSteps && step.totalSteps > 1 ? step.step : undefined;
  input.totalSteps = step.totalSteps && step.totalSteps > 1 ? step.totalSteps : undefined;
  input.ignoreFocusOut = true;
  input.buttons = step.step && step.step > 1 ? [vscode.QuickInputButtons.Back] : [];
}

/** Shows the input until it is accepted, cancelled (Escape, focus elsewhere is ignored) or sent Back. */
function show<T>(input: vscode.InputBox | vscode.QuickPick<vscode.QuickPickItem>, shown: PromptShown, wire: (finish: (answer: StepAnswer<T>) => void) => vscode.Disposable[]): Promise<StepAnswer<T>> {
  return new Promise((resolve) => {
    let done = false;
    const listeners: vscode.Disposable[] = [];
    const finish = (answer: StepAnswer<T>): void => {
      if (done) return;
      done = true;
      for (const l of listeners) l.dispose();
      if (current === input) current = undefined;
      input.dispose();
      resolve(answer);
    };
    listeners.push(...wire(finish), input.onDidTriggerButton((b) => { if (b === vscode.QuickInputButtons.Back) finish(BACK); }), input.onDidHide(() => finish(undefined)));
    current = input;
    input.show();
    shownPrompts.fire(shown);
  });
}

export function askText(step: TextStep): Promise<StepAnswer<string>> {
  const input = vscode.window.createInputBox();
  configure(input, step);
  input.prompt = step.prompt;
  input.value = step.value ?? '';
  input.placeholder = step.placeholder;
  return show<string>(input, { kind: 'text', title: step.title, step: input.step, totalSteps: input.totalSteps, prompt: step.prompt }, (finish) => [
    input.onDidChangeValue((value) => (input.validationMessage = step.validate?.(value))),
    input.onDidAccept(() => {
      const problem = step.validate?.(input.value);
      input.validationMessage = problem;
      if (!problem) finish(input.value);
    }),
  ]);
}

export function askPick<T>(step: PickStep<T>): Promise<StepAnswer<T>> {
  const input = vscode.window.createQuickPick<vscode.QuickPickItem & { value: T }>();
  configure(input as vscode.QuickPick<vscode.QuickPickItem>, step);
  input.placeholder = step.placeholder;
  input.items = step.items;
  input.matchOnDescription = true;
  const shown: PromptShown = { kind: 'pick', title: step.title, step: input.step, totalSteps: input.totalSteps, prompt: step.placeholder, items: step.items.map((i) => i.label) };
  return show<T>(input as vscode.QuickPick<vscode.QuickPickItem>, shown, (finish) => [
    input.onDidAccept(() => {
      const [picked] = input.selectedItems.length ? input.selectedItems : input.activeItems;
      if (picked) finish(picked.value);
    }),
  ]);
}

/** A step of a multi-step input: it asks, stores the answer in the state, and says where to go. */
export type Step<S> = (state: S, position: { step: number; totalSteps: number }) => Promise<'next' | 'back' | 'cancel'>;

/** Runs the steps in order (Back goes to the previous one); false when the person cancelled. */
export async function runSteps<S>(state: S, steps: ReadonlyArray<Step<S>>): Promise<boolean> {
  let i = 0;
  while (i < steps.length) {
    const outcome = await steps[i](state, { step: i + 1, totalSteps: steps.length });
    if (outcome === 'cancel') return false;
    i = outcome === 'back' ? Math.max(0, i - 1) : i + 1;
  }
  return true;
}

/** Maps a step's answer to where the steps go, storing a real answer with `store`. */
export function outcome<T>(answer: StepAnswer<T>, store: (value: T) => void): 'next' | 'back' | 'cancel' {
  if (answer === BACK) return 'back';
  if (answer === undefined) return 'cancel';
  store(answer);
  return 'next';
}

/** A modal choice (the dialog's own Cancel answers undefined). */
export async function askChoice<T extends string>(message: string, detail: string | undefined, ...choices: T[]): Promise<T | undefined> {
  askedChoices.fire({ message, detail, choices });
  if (testMode && scriptedChoices.length > 0) {
    const answer = scriptedChoices.shift();
    if (answer !== undefined && !choices.includes(answer as T)) throw new Error(`the test answered "${answer}", not one of ${choices.join(', ')}`);
    return answer as T | undefined;
  }
  return notify.warning(message, { modal: true, detail }, ...choices);
}

/** What the extension's tests use (wired into the test API in test mode only). */
export const promptsTestHooks = {
  onDidShowPrompt: shownPrompts.event,
  onDidAskChoice: askedChoices.event,
  /** Types `value` into the prompt shown now; resolves once the workbench has it (false: no prompt). */
  async type(value: string): Promise<boolean> {
    const input = current;
    if (!testMode || !input) return false;
    const echoed = new Promise<void>((resolve) => {
      const timer = setTimeout(() => { listener.dispose(); resolve(); }, 2000);
      const listener = input.onDidChangeValue((v) => { if (v === value) { clearTimeout(timer); listener.dispose(); resolve(); } });
    });
    input.value = value;
    await echoed;
    return true;
  },
  /** Forgets answers no choice used, and hides the step shown now (between tests). */
  reset(): void {
    scriptedChoices.length = 0;
    current?.hide();
  },
  /** The answers of the next modal choices, in order (undefined = Cancel). */
  answerChoices(...answers: Array<string | undefined>): void {
    if (!testMode) throw new Error('prompts are answered by tests only in ExtensionMode.Test');
    scriptedChoices.push(...answers);
  },
};

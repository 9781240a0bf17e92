/** E2e specs are plain async functions registered by name; runE2e runs them against a live workbench. */
import type { Page } from 'playwright-core';
import type { FixtureInfo } from '../support/fixtureWorkspace';

export type E2eMode = 'dev' | 'vsix';

export interface E2eContext {
  page: Page;
  mode: E2eMode;
  fixture: FixtureInfo;
  /** Saves a PNG of the page under test-artifacts/e2e/ as `<name>-<mode>.png`; returns its path. */
  screenshot(name: string): Promise<string>;
  log(message: string): void;
}

export interface E2eSpec {
  name: string;
  /** Modes the spec applies to (default both). */
  modes: E2eMode[];
  run(context: E2eContext): Promise<void>;
}

const specs: E2eSpec[] = [];

export function e2eSpec(name: string, run: (context: E2eContext) => Promise<void>, modes: E2eMode[] = ['dev', 'vsix']): void {
  if (specs.some((s) => s.name === name)) throw new Error(`e2e spec "${name}" registered twice`);
  specs.push({ name, modes, run });
}

export function registeredSpecs(): readonly E2eSpec[] {
  return specs;
}

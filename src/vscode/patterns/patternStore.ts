/** The merged pattern catalogue: loaded in the background, reloaded (debounced) on change. */
import * as path from 'path';
import * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import { mergeLibraries, type PatternCatalogue } from '../../core/patterns/library';
import { detectorDiagnostics } from '../../core/patterns/detectors';
import type { PatternDiagnostic } from '../../core/patterns/patternTypes';
import { Debouncer } from '../../core/util/debounce';
import type { GitHubSession } from '../platform/githubSession';
import { loadLibraries } from './libraryLoader';
import { ParsedFileCache } from '../../core/patterns/sources/parsedFileCache';
import { readPatternSettings } from './patternSettings';
import { exampleDiagnostics } from './exampleLinks';
import { toEditorDiagnostic } from '../platform/configDiagnostics';

export const RELOAD_DEBOUNCE_MS = 300;

export class PatternStore implements vscode.Disposable {
  private current: PatternCatalogue | undefined;
  private loadingCount = 0;
  private generationCounter = 0;
  private readonly pending = new Debouncer(RELOAD_DEBOUNCE_MS);
  private running: Promise<void> | undefined;
  private rerun = false;
  private controller = new AbortController();
  private folderList: string[] = [];
  private noticeList: string[] = [];
  /** Every save in a library reloads it: unchanged files are not parsed again. */
  private readonly parsedFiles = new ParsedFileCache();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('constellation-patterns');
  private readonly loadedEmitter = new vscode.EventEmitter<void>();
  /** Fires on every state change (loading started, loaded). */
  readonly onDidChange = this.changed.event;
  /** Fires after every completed (re)load. */
  readonly onDidLoad = this.loadedEmitter.event;

  constructor(
    private readonly cacheDir: string,
    private readonly github: GitHubSession,
    private readonly logger: Logger,
    /** Roots of the workspace's repositories (nested clones hold libraries of their own). */
    private readonly repositories: () => Promise<readonly string[]> = async () => [],
  ) {}

  catalogue(): PatternCatalogue | undefined {
    return this.current;
  }

  /** The libraries whose parsed files are kept for the next reload (the extension's tests). */
  parsedFileSources(): string[] {
    return [...this.parsedFiles.sources()].sort();
  }

  /** Increases with every load, so caches keyed on it go stale. */
  get generation(): number {
    return this.generationCounter;
  }

  get loading(): boolean {
    return this.loadingCount > 0;
  }

  get notices(): readonly string[] {
    return this.noticeList;
  }

  /** Local folders the libraries came from. */
  get folders(): readonly string[] {
    return this.folderList;
  }

  /** Reloads after a quiet period: file watchers fire in bursts. */
  scheduleReload(): void {
    this.pending.schedule(() => void this.reload());
  }

  /** The load under way, if any (resolves at once otherwise). */
  async reloadInProgress(): Promise<void> {
    while (this.running || this.pending.pending) {
      if (this.running) await this.running;
      else await new Promise((resolve) => setTimeout(resolve, RELOAD_DEBOUNCE_MS));
    }
  }

  /** Loads every library now; concurrent calls share one run and ask for one more. */
  reload(): Promise<void> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = this.runLoads().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async runLoads(): Promise<void> {
    do {
      this.rerun = false;
      await this.loadOnce();
    } while (this.rerun && !this.controller.signal.aborted);
  }

  private async loadOnce(): Promise<void> {
    this.loadingCount++;
    this.changed.fire();
    const started = performance.now();
    try {
      const roots = await this.repositories().catch(() => []);
      const loaded = await loadLibraries(readPatternSettings(), this.github, this.cacheDir, this.logger, this.controller.signal, roots, this.parsedFiles);
      if (this.controller.signal.aborted) return;
      const catalogue = mergeLibraries(loaded.libraries);
      this.current = catalogue;
      this.folderList = loaded.folders;
      this.noticeList = loaded.notices;
      this.generationCounter++;
      this.logger.info(`pattern catalogue: ${catalogue.patterns.length} patterns from ${loaded.libraries.length} libraries [${Math.round(performance.now() - started)}ms]`);
      await this.publishDiagnostics(catalogue);
      this.loadedEmitter.fire();
    } catch (error) {
      this.logger.error(`loading pattern libraries failed: ${(error as Error).message}`);
      this.noticeList = [`Loading pattern libraries failed: ${(error as Error).message}`];
    } finally {
      this.loadingCount--;
      if (!this.controller.signal.aborted) this.changed.fire();
    }
  }

  private async publishDiagnostics(catalogue: PatternCatalogue): Promise<void> {
    const all: PatternDiagnostic[] = [...catalogue.diagnostics, ...detectorDiagnostics(catalogue)];
    all.push(...(await exampleDiagnostics(catalogue)));
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const d of all) {
      if (!path.isAbsolute(d.file)) {
        // GitHub files and whole-source problems have no local file to point at.
        this.logger.warn(`${d.file}:${d.line}:${d.column}: ${d.message}`);
        continue;
      }
      byFile.set(d.file, [...(byFile.get(d.file) ?? []), toEditorDiagnostic(d)]);
    }
    this.diagnostics.clear();
    for (const [file, list] of byFile) this.diagnostics.set(vscode.Uri.file(file), list);
  }

  dispose(): void {
    this.controller.abort();
    this.pending.dispose();
    this.changed.dispose();
    this.loadedEmitter.dispose();
    this.diagnostics.dispose();
  }
}

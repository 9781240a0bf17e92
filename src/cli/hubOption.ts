/**
 * `--hub DIR`, the one way the CLI takes the organisation's hub index: a folder `hub merge --out`
 * wrote (or the index folder of a clone of the hub repository). `who-knows` needs it;
 * `communities` counts hub-only code areas with it and works on the clones without it.
 */
import * as path from 'path';
import { HubIndex, HubIndexError } from '../core/hub/hubIndex';
import { FolderHubSource } from '../core/hub/hubSource';

export const HUB_OPTION = '--hub DIR';

export type OpenedHub = { ok: true; index: HubIndex; source: string } | { ok: false; source: string; message: string };

/** Opens the hub folder; a missing, foreign or unreadable index is a message, never a throw. */
export async function openHubFolder(folder: string): Promise<OpenedHub> {
  const source = new FolderHubSource(path.resolve(folder));
  try {
    return { ok: true, index: await HubIndex.open(source), source: source.name };
  } catch (err) {
    const message = err instanceof HubIndexError ? err.message : `${source.name}: ${(err as Error).message}`;
    return { ok: false, source: source.name, message };
  }
}

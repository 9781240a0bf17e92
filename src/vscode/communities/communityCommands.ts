/** The `constellation.communities.*` commands. */
import * as vscode from 'vscode';
import { Commands } from '../contracts';
import { isIssued, type ExternalOpener } from '../platform/links';
import { notify } from '../platform/notify';
import type { RepositoryRegistry } from '../platform/repositories';
import { communitiesOfFile } from './communityModel';
import type { CommunityPanels } from './communityPanels';
import { writeProposals } from './createConfig';
import { openThread } from './openTargets';
import type { CommunityReportService } from './reportService';
import type { CommunitiesNode } from './viewModel';

export interface CommandDeps {
  service: CommunityReportService;
  panels: CommunityPanels;
  registry: RepositoryRegistry;
  external: ExternalOpener;
}

/** A community id from a command argument: an id (links, other features) or a node of our view. */
function communityArg(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (isIssued(arg) && (arg as CommunitiesNode).kind === 'community') return (arg as Extract<CommunitiesNode, { kind: 'community' }>).id;
  return undefined;
}

function untrusted(): boolean {
  if (vscode.workspace.isTrusted) return false;
  void notify.warning('Communities need git, which Constellation does not run in an untrusted workspace.');
  return true;
}

export function registerCommunityCommands(deps: CommandDeps): vscode.Disposable {
  const { service, panels } = deps;
  const pick = async (title: string): Promise<string | undefined> => {
    const snapshot = await service.ensure(true);
    if (!snapshot || snapshot.report.communities.length === 0) {
      void notify.info('No community of practice is declared yet: add one to .constellation/communities.yml.');
      return undefined;
    }
    const uri = vscode.window.activeTextEditor?.document.uri;
    const location = uri && (await deps.registry.locate(uri));
    const here = new Set(location ? communitiesOfFile(snapshot, location.repository.root, location.relativePath).map((c) => c.id) : []);
    const items = [...snapshot.report.communities]
      .sort((a, b) => Number(here.has(b.id)) - Number(here.has(a.id)))
      .map((c) => ({ label: c.name, description: here.has(c.id) ? 'this file' : c.domain, detail: `${c.members.length} taking part · ${c.stage.inferred}`, id: c.id }));
    return (await vscode.window.showQuickPick(items, { title, placeHolder: 'Choose a community' }))?.id;
  };
  const withCommunity = (title: string, run: (id: string) => Promise<unknown>) => async (arg?: unknown) => {
    if (untrusted()) return undefined;
    const id = communityArg(arg) ?? (await pick(title));
    return id ? run(id) : undefined;
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.communities.openPage, withCommunity('Open a community page', (id) => panels.showCommunity(id))),
    vscode.commands.registerCommand(Commands.communities.join, withCommunity('Join a community', (id) => panels.showCommunity(id, 'join'))),
    vscode.commands.registerCommand(Commands.communities.showMap, async () => (untrusted() ? undefined : panels.showMap())),
    vscode.commands.registerCommand(Commands.communities.myParticipation, async () => (untrusted() ? undefined : panels.showParticipation())),
    vscode.commands.registerCommand(Commands.communities.refresh, async () => {
      if (untrusted()) return undefined;
      try {
        return await service.refresh(true, true);
      } catch (err) {
        void notify.error(`Constellation could not compute the communities: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      }
    }),
    vscode.commands.registerCommand(Commands.communities.createConfig, (arg?: unknown) => (untrusted() ? undefined : createConfig(deps, arg))),
    vscode.commands.registerCommand(Commands.communities.openItem, async (arg?: unknown) => {
      // Tree nodes only: the command opens what the extension itself listed.
      if (!isIssued(arg) || (arg as CommunitiesNode).kind !== 'thread') return;
      await openThread((arg as Extract<CommunitiesNode, { kind: 'thread' }>).thread, deps.external);
    }),
  );
}

/** Writes the proposals (all, or the one whose node was clicked) into the home repository's communities.yml and opens it. */
async function createConfig(deps: CommandDeps, arg: unknown): Promise<string | undefined> {
  const snapshot = await deps.service.ensure(true);
  const root = snapshot?.home?.root ?? (await deps.registry.workspaceRepositories())[0]?.root;
  if (!snapshot || !root) {
    void notify.warning('Open a folder in a git repository to declare its communities.');
    return undefined;
  }
  const node = isIssued(arg) ? (arg as CommunitiesNode) : undefined;
  const proposals = node?.kind === 'proposal' ? [node.proposal] : snapshot.report.proposals;
  try {
    const result = await writeProposals(root, proposals);
    await vscode.window.showTextDocument(vscode.Uri.file(result.file));
    const what = proposals.length === 0 ? 'no potential community was found, so it lists none yet' : `${result.added} potential communit${result.added === 1 ? 'y' : 'ies'}`;
    void notify.info(result.created ? `Created ${vscode.workspace.asRelativePath(result.file)}: ${what}.` : `Added ${what} to ${vscode.workspace.asRelativePath(result.file)}.`);
    return result.file;
  } catch (err) {
    void notify.error(`Constellation could not write communities.yml: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

/** The registered community roles provider, read by the hover and the Experts view. */
import * as vscode from 'vscode';
import { describeRoles, type CommunityRolesProvider } from './communityRoles';

/** Holds the registered provider; the hover and the view read it, and refresh when it changes. */
export class CommunityRolesSlot implements vscode.Disposable {
  private provider: CommunityRolesProvider | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  set(provider: CommunityRolesProvider | undefined): void {
    this.provider = provider;
    this.changed.fire();
  }

  /** The text shown beside an expert, if the provider knows them as core somewhere. */
  describe(email: string): string | undefined {
    try {
      return describeRoles(this.provider?.rolesOf(email) ?? []);
    } catch {
      // A failing provider must never break a hover.
      return undefined;
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

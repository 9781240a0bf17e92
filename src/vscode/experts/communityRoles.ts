/**
 * Which communities an expert is core to, supplied by another feature (communities) through this
 * small interface, so the experts feature depends on no communities internals. Answers come from
 * data the provider computed beforehand: the hover's cost stays what it was.
 */
import * as vscode from 'vscode';

export interface CommunityRole {
  communityId: string;
  communityName: string;
  level: 'core';
}

export interface CommunityRolesProvider {
  /** Precomputed and synchronous; `email` as the ranking gives it (any case). */
  rolesOf(email: string): readonly CommunityRole[];
}

/** "core in Reliability Guild, API Design", or undefined. */
export function describeRoles(roles: readonly CommunityRole[]): string | undefined {
  if (roles.length === 0) return undefined;
  return `core in ${roles.map((r) => r.communityName).join(', ')}`;
}

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

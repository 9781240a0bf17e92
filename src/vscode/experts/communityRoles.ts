/**
 * Which communities an expert is core to, supplied by another feature (communities) through this
 * small interface, so the experts feature depends on no communities internals. Answers come from
 * data the provider computed beforehand: the hover's cost stays what it was. (No editor import.)
 */
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

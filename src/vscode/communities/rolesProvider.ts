/** Who is core where, indexed once per report for the experts' hover and view (a lookup, never a computation). */
import type { CommunityRole, CommunityRolesProvider } from '../experts/communityRoles';
import type { CommunitySnapshot } from './snapshot';

export function communityRolesOf(snapshot: CommunitySnapshot): CommunityRolesProvider {
  const byKey = new Map<string, CommunityRole[]>();
  for (const c of snapshot.report.communities) {
    for (const m of c.members) {
      if (m.level !== 'core') continue;
      const roles = byKey.get(m.person) ?? [];
      roles.push({ communityId: c.id, communityName: c.name, level: 'core' });
      byKey.set(m.person, roles);
    }
  }
  const directory = snapshot.directory;
  return {
    rolesOf: (email) => {
      const key = email.toLowerCase();
      return byKey.get(key) ?? (directory ? byKey.get(directory.canonicalEmail(email).toLowerCase()) : undefined) ?? [];
    },
  };
}

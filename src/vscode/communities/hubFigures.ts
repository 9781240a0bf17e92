/**
 * A community's figures from the organisation's hub index, as the editor shows them: the states
 * while the hub loads or is missing, and the line the view's tooltip and the page say. The merge
 * itself is core's (core/hub/communityHubFigures, shared with the CLI). No editor import (the
 * view, the pages and the unit tests read it as plain data).
 */
import { ageText, type ReadyHubFigures } from '../../core/hub/communityHubFigures';

export { ageText, areasBeyondWorkspace, areaText, mergeHubFigures, peopleTakingPart, type HubAnswer, type HubAreaFigures, type HubFiguresPerson } from '../../core/hub/communityHubFigures';

interface Common {
  /** The code areas on repositories not cloned here, as communities.yml writes them. */
  areas: string[];
  /** The hub repository setting (`owner/name[/folder]`); empty when none is set. */
  hub: string;
}

export type CommunityHubFigures =
  | (Common & { state: 'off' })
  | (Common & { state: 'loading' })
  | (Common & { state: 'unavailable'; message: string })
  | ReadyHubFigures;

/** One line saying where the hub's figures stand, for the view's tooltip and the page. */
export function hubFiguresLine(hub: CommunityHubFigures, nowMs = Date.now()): string {
  const areas = hub.areas.join(', ');
  switch (hub.state) {
    case 'off':
      return `Code areas on repositories not cloned here (${areas}): no hub is configured — set constellation.hub.repository to count their people from the organisation's hub index.`;
    case 'loading':
      return `Code areas on repositories not cloned here (${areas}): reading the hub index ${hub.hub}…`;
    case 'unavailable':
      return `Code areas on repositories not cloned here (${areas}): the hub index ${hub.hub} is unavailable (${hub.message}).`;
    case 'ready': {
      const generated = hub.generatedAt && !Number.isNaN(Date.parse(hub.generatedAt)) ? `, generated ${hub.generatedAt.slice(0, 10)} (${ageText(Date.parse(hub.generatedAt) / 1000, nowMs)})` : '';
      const empty = hub.perArea.filter((a) => a.files === 0).map((a) => a.area);
      const none = empty.length ? ` No figures in the hub for ${empty.join(', ')}.` : '';
      const people = hub.people.length === 1 ? '1 person' : `${hub.people.length} people`;
      return `From the hub index ${hub.hub}${generated}: ${people} in ${areas}, ${hub.added} of them not already counted from the clones here.${none}`;
    }
  }
}

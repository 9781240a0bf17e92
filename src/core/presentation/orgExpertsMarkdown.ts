/** The hover of an import whose package another repository publishes: its experts from the hub index. */
import { RELATIONSHIP_LABELS } from '../directory/types';
import type { OrgExpert, WhoKnowsAnswer } from '../hub/whoKnows';
import { escapeMarkdown } from '../util/markdown';

/** The section's title: the integration tests and the e2e tests find the hover by it. */
export const ORG_HOVER_TITLE = 'Who knows this package';

export interface OrgHoverOptions {
  /** As written in the import. */
  specifier: string;
  count: number;
  /** `command:` links, built by the caller (arguments it issued). */
  askLink(expert: OrgExpert): string;
  copyEmailLink(email: string): string;
  /** Opens "Who Knows…?" with the package. */
  searchLink: string;
  /** The hub repository, for the footer. */
  source: string;
}

/** Team · business unit · company, as far as known. */
export function placeOfOrgExpert(expert: OrgExpert): string {
  const p = expert.placement;
  return [p.team?.name, p.businessUnit?.name, p.company?.name].filter(Boolean).join(' · ');
}

/** Where the package lives: `acme/http` (`packages/http`). */
function homeOf(answer: WhoKnowsAnswer): string {
  const homes = [...new Set(answer.matched)].slice(0, 2).map((m) => {
    const colon = m.indexOf(':');
    const repository = m.slice(0, colon);
    const folder = m.slice(colon + 1);
    return folder ? `${escapeMarkdown(repository)} (${escapeMarkdown(folder)})` : escapeMarkdown(repository);
  });
  return homes.join(', ');
}

/** Undefined when the hub knows no expert of the package. */
export function formatOrgExpertsHover(answer: WhoKnowsAnswer, options: OrgHoverOptions): string | undefined {
  if (answer.experts.length === 0) return undefined;
  const lines = [`**$(organization) ${ORG_HOVER_TITLE}:** ${escapeMarkdown(options.specifier)} — in ${homeOf(answer)}`, ''];
  for (const expert of answer.experts.slice(0, options.count)) {
    const place = placeOfOrgExpert(expert);
    const links = [`[$(comment-discussion) Ask](${options.askLink(expert)} "Ask ${escapeMarkdown(expert.name)} in a design thread")`];
    if (expert.email) links.push(`[$(copy) Copy email](${options.copyEmailLink(expert.email)} "Copy email address")`);
    lines.push(
      `**${escapeMarkdown(expert.name)}**${expert.former ? ' *(former)*' : ''} \`${RELATIONSHIP_LABELS[expert.relationship]}\`${place ? ` — ${escapeMarkdown(place)}` : ''}  `,
      `${escapeMarkdown(expert.explanation)}  `,
      links.join(' '),
      '',
    );
  }
  lines.push(`[$(search) Who knows… across the organisation](${options.searchLink}) · from the hub index ${escapeMarkdown(options.source)}`);
  return lines.join('\n');
}

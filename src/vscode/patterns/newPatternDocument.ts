/** The draft document "New Pattern from Selection" writes (pure: no editor import). */
import { stringify } from 'yaml';
import { kebabCase } from '../../core/util/kebabCase';

export interface NewPatternInput {
  id: string;
  title: string;
  /** One sentence: the problem the pattern solves and how (the person's own words). */
  summary?: string;
  community: string;
  /** You, as the first maintainer (git user.email); omitted when unknown. */
  maintainer?: string;
  languageId: string;
  /** Repository-relative path of the selected code, forward slashes. */
  examplePath: string;
  startLine: number;
  endLine: number;
  snippet: string;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A kebab-case id from a title: "Retry with Backoff!" → `retry-with-backoff`. */
export function idFromTitle(title: string): string {
  return kebabCase(title, 60);
}

/** Why an id cannot be used, or undefined when it is fine. */
export function validatePatternId(id: string, existing: (id: string) => boolean): string | undefined {
  if (!ID.test(id)) return 'Use lower-case letters, digits and single dashes (kebab-case), e.g. retry-with-backoff.';
  if (existing(id)) return `A pattern with the id "${id}" already exists.`;
  return undefined;
}

/** A fenced code block that the snippet cannot close early. */
function fence(languageId: string, snippet: string): string {
  const longest = Math.max(2, ...[...snippet.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${languageId}\n${snippet.replace(/\s+$/, '')}\n${ticks}`;
}

export function newPatternDocument(input: NewPatternInput): string {
  const lines = input.startLine === input.endLine ? `L${input.startLine}` : `L${input.startLine}-L${input.endLine}`;
  const front = {
    id: input.id,
    title: input.title,
    summary: input.summary?.trim() || 'One sentence: the problem this pattern solves and how.',
    community: input.community,
    tags: [] as string[],
    status: 'proposed',
    maintainers: input.maintainer ? [input.maintainer] : [],
    appliesTo: { languages: [input.languageId], files: [] as string[], detect: [] as string[] },
    related: [] as string[],
    examples: [`${input.examplePath}#${lines}`],
  };
  return [
    '---',
    stringify(front, { flowCollectionPadding: false }).trimEnd(),
    '---',
    '',
    `# ${input.title}`,
    '',
    '## When to use it',
    '',
    'Describe the situation and the forces at play.',
    '',
    '## How',
    '',
    fence(input.languageId, input.snippet),
    '',
    '## Trade-offs',
    '',
    'What it costs, and when another pattern fits better.',
    '',
  ].join('\n');
}

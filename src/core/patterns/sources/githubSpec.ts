/** `owner/repo[@ref][/path]`: where a pattern library lives on GitHub. */

export interface GitHubRepoSpec {
  owner: string;
  repo: string;
  /** Branch, tag or commit; undefined = the repository's default branch. A ref cannot contain `/` in this form. */
  ref?: string;
  /** Folder inside the repository, no leading/trailing slash; '' = the whole repository. */
  path: string;
}

const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;
const REF = /^[^\s~^:?*[\\]+$/;

export type SpecResult = { ok: true; spec: GitHubRepoSpec } | { ok: false; message: string };

export function parseGitHubSpec(text: string): SpecResult {
  const trimmed = text.trim().replace(/^github:/, '');
  const fail = (why: string): SpecResult => ({ ok: false, message: `GitHub library \`${text}\`: ${why} (expected owner/repo[@ref][/path])` });
  const [owner, rest, ...pathParts] = trimmed.split('/');
  if (!owner || rest === undefined) return fail('missing the repository name');
  const at = rest.indexOf('@');
  const repo = at === -1 ? rest : rest.slice(0, at);
  const ref = at === -1 ? undefined : rest.slice(at + 1);
  if (!OWNER.test(owner)) return fail(`\`${owner}\` is not a valid owner`);
  if (!REPO.test(repo) || repo === '.' || repo === '..') return fail(`\`${repo}\` is not a valid repository name`);
  if (ref !== undefined && (ref === '' || !REF.test(ref))) return fail(`\`${ref}\` is not a valid ref`);
  const path = pathParts.filter((p) => p !== '' && p !== '.').join('/');
  if (path.split('/').includes('..')) return fail('the path cannot contain `..`');
  return { ok: true, spec: { owner, repo, ref, path } };
}

export function formatGitHubSpec(spec: GitHubRepoSpec): string {
  return `${spec.owner}/${spec.repo}${spec.ref ? `@${spec.ref}` : ''}${spec.path ? `/${spec.path}` : ''}`;
}

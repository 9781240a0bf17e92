/**
 * A GitHub organisation served by the loopback server with GitHub's documented shapes: REST
 * `GET /orgs/{org}/teams` (nested teams carry `parent`), `GET /orgs/{org}/teams/{slug}/members`
 * (child teams' members included, as GitHub does), paginated with `Link` headers and ETags that
 * make repeated requests 304; GraphQL `organization.membersWithRole` and `repository.object`
 * (commit authors), executed against GitHub's published schema. Failures on demand: a rate limit
 * (403, `x-ratelimit-remaining: 0`), a 500 on one team, a 404 organisation.
 */
import { createHash } from 'crypto';
import { graphql } from 'graphql';
import { loadGraphqlSchema } from './githubGraphql';
import { conditional, githubError, type RecordedRequest, type Route, type RouteResponse } from './githubServer';

export interface FakeTeam { id: number; slug: string; name: string; parent?: string; members: string[] }
export interface FakeUser { login: string; id: number; name?: string; email?: string; verified?: string[] }
export interface FakeCommit { sha: string; email: string; login?: string }

export class FakeGitHubOrg {
  readonly teams: FakeTeam[] = [];
  readonly users: FakeUser[] = [];
  readonly commits: FakeCommit[] = [];
  readonly documents: string[] = [];
  /** Items per REST page (GitHub allows up to 100; small here so every listing paginates). */
  pageSize = 2;
  /** Answer every request with a primary rate limit until this Unix time. */
  rateLimitedUntil?: number;
  /** Slugs whose member listing answers 500. */
  readonly failingTeams = new Set<string>();
  /** Verified-domain emails are refused (not an owner). */
  hideVerifiedEmails = false;

  constructor(readonly login: string, private readonly baseUrl: () => string) {}

  routes(): Route[] {
    return [
      { method: 'GET', path: `/orgs/${this.login}/teams`, handler: (req) => this.guard(req, () => this.page(req, this.teams.map((t) => this.teamJson(t)))) },
      {
        method: 'GET',
        path: new RegExp(`^/orgs/${this.login}/teams/([^/]+)/members$`),
        handler: (req) => this.guard(req, () => {
          const team = this.teams.find((t) => t.slug === req.params[0]);
          if (!team) return { status: 404, json: githubError('Not Found') };
          if (this.failingTeams.has(team.slug)) return { status: 500, json: githubError('Server Error') };
          const logins = this.membersWithChildren(team);
          return this.page(req, logins.map((l) => this.userJson(this.users.find((u) => u.login === l) as FakeUser)));
        }),
      },
      { method: 'POST', path: '/graphql', handler: (req, body) => this.guard(req, () => this.graphql(body)) },
    ];
  }

  private guard(_req: RecordedRequest, answer: () => RouteResponse | Promise<RouteResponse>): RouteResponse | Promise<RouteResponse> {
    if (this.rateLimitedUntil !== undefined && Date.now() / 1000 < this.rateLimitedUntil) {
      return {
        status: 403,
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '5000', 'x-ratelimit-reset': String(this.rateLimitedUntil) },
        json: githubError('API rate limit exceeded for user ID 1.'),
      };
    }
    return answer();
  }

  /** GitHub lists the members of child teams in their parents too. */
  private membersWithChildren(team: FakeTeam): string[] {
    const out = new Set(team.members);
    for (const child of this.teams.filter((t) => t.parent === team.slug)) this.membersWithChildren(child).forEach((l) => out.add(l));
    return [...out].sort();
  }

  private page(req: RecordedRequest, items: unknown[]): RouteResponse {
    const page = Number(req.query.page ?? '1');
    const size = Math.min(this.pageSize, Number(req.query.per_page ?? '30'));
    const last = Math.max(1, Math.ceil(items.length / size));
    const slice = items.slice((page - 1) * size, page * size);
    const link = (p: number, rel: string): string => `<${this.baseUrl()}${req.path}?per_page=${req.query.per_page ?? 30}&page=${p}>; rel="${rel}"`;
    const links = [...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []), ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : [])];
    const etag = `W/"${createHash('sha1').update(JSON.stringify(slice) + page).digest('hex')}"`;
    return conditional(req, etag, { json: slice, headers: links.length ? { link: links.join(', ') } : {} });
  }

  private teamJson(t: FakeTeam, simple = false): Record<string, unknown> {
    const url = `${this.baseUrl()}/organizations/1/team/${t.id}`;
    const base = {
      id: t.id,
      node_id: `T_${t.id}`,
      url,
      html_url: `https://github.com/orgs/${this.login}/teams/${t.slug}`,
      name: t.name,
      slug: t.slug,
      description: null,
      privacy: 'closed',
      notification_setting: 'notifications_enabled',
      permission: 'pull',
      members_url: `${url}/members{/member}`,
      repositories_url: `${url}/repos`,
      type: 'organization',
    };
    if (simple) return base;
    const parent = t.parent ? this.teams.find((p) => p.slug === t.parent) : undefined;
    return { ...base, parent: parent ? this.teamJson(parent, true) : null };
  }

  private userJson(u: FakeUser): Record<string, unknown> {
    const api = `${this.baseUrl()}/users/${u.login}`;
    return {
      login: u.login, id: u.id, node_id: `U_${u.id}`, avatar_url: `https://avatars.githubusercontent.com/u/${u.id}`, gravatar_id: '',
      url: api, html_url: `https://github.com/${u.login}`, followers_url: `${api}/followers`, following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`, starred_url: `${api}/starred{/owner}{/repo}`, subscriptions_url: `${api}/subscriptions`,
      organizations_url: `${api}/orgs`, repos_url: `${api}/repos`, events_url: `${api}/events{/privacy}`, received_events_url: `${api}/received_events`,
      type: 'User', site_admin: false,
    };
  }

  private async graphql(body: string): Promise<RouteResponse> {
    const { schema, validate } = await loadGraphqlSchema();
    const { query, variables } = JSON.parse(body) as { query: string; variables?: Record<string, unknown> };
    this.documents.push(query);
    const invalid = validate(query);
    if (invalid.length) return { json: { errors: invalid.map((e) => ({ message: e.message })) } };
    const result = await graphql({ schema, source: query, variableValues: variables ?? {}, rootValue: this.rootValue() });
    const errors = result.errors?.map((e) => ({ type: (e.originalError as { type?: string } | undefined)?.type, message: e.message, path: e.path }));
    return { json: errors ? { data: result.data ?? null, errors } : { data: result.data } };
  }

  private rootValue(): Record<string, unknown> {
    return {
      organization: ({ login }: { login: string }) => {
        if (login.toLowerCase() !== this.login) return null;
        return {
          membersWithRole: ({ first, after }: { first: number; after?: string }) => {
            const start = after ? Number(Buffer.from(after, 'base64').toString().split(':')[1]) + 1 : 0;
            const slice = this.users.slice(start, start + Math.min(first, this.pageSize));
            const end = start + slice.length - 1;
            return {
              totalCount: this.users.length,
              pageInfo: { hasNextPage: end + 1 < this.users.length, endCursor: slice.length ? Buffer.from(`cursor:${end}`).toString('base64') : null },
              nodes: slice.map((u) => ({
                __typename: 'User',
                login: u.login,
                databaseId: u.id,
                name: u.name ?? null,
                email: u.email ?? '',
                organizationVerifiedDomainEmails: () => {
                  if (this.hideVerifiedEmails) throw Object.assign(new Error('Resource not accessible by integration'), { type: 'FORBIDDEN' });
                  return u.verified ?? [];
                },
              })),
            };
          },
        };
      },
      repository: () => ({
        object: ({ oid }: { oid: string }) => {
          const commit = this.commits.find((c) => c.sha === oid);
          if (!commit) return null;
          return { __typename: 'Commit', author: { email: commit.email, user: commit.login ? { __typename: 'User', login: commit.login } : null } };
        },
      }),
    };
  }
}

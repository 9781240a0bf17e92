/** GitHub Issues REST routes over an in-memory repository, answering with GitHub's documented shapes. */
import type { Route } from '../../../support/githubServer';

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  labels: string[];
  author: string;
  createdAt: string;
  comments: Array<{ id: number; body: string; author: string; createdAt: string }>;
  isPullRequest?: boolean;
}

export class FakeIssuesRepo {
  readonly issues: FakeIssue[] = [];
  private nextCommentId = 1000;

  constructor(readonly owner: string, readonly name: string, readonly viewer: string, readonly webBase = 'https://github.com', readonly apiBase = 'https://api.github.com') {}

  add(issue: Omit<FakeIssue, 'number' | 'comments'>): FakeIssue {
    const full = { ...issue, number: this.issues.length + 1, comments: [] };
    this.issues.push(full);
    return full;
  }

  comment(issue: FakeIssue, body: string, author = this.viewer): { id: number; body: string; author: string; createdAt: string } {
    const c = { id: ++this.nextCommentId, body, author, createdAt: new Date().toISOString() };
    issue.comments.push(c);
    return c;
  }

  /** Routes under `prefix` (`''`, or `/api/v3` for Enterprise). */
  routes(prefix = ''): Route[] {
    const base = `${prefix}/repos/${this.owner}/${this.name}`;
    const esc = base.replace(/[/.]/g, '\\$&');
    return [
      {
        method: 'GET',
        path: `${base}/issues`,
        handler: (req) => {
          const labels = req.query.labels ? req.query.labels.split(',') : [];
          const chosen = [...this.issues].reverse().filter((i) => labels.every((l) => i.labels.includes(l)));
          return this.page(req.query, chosen.map((i) => this.issueJson(i)), `${base}/issues`);
        },
      },
      {
        method: 'POST',
        path: `${base}/issues`,
        handler: (_req, body) => {
          const input = JSON.parse(body) as { title?: string; body?: string; labels?: string[] };
          if (!input.title) return { status: 422, json: { message: 'Validation Failed', errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }], documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue', status: '422' } };
          const issue = this.add({ title: input.title, body: input.body ?? '', labels: input.labels ?? [], author: this.viewer, createdAt: new Date().toISOString() });
          return { status: 201, json: this.issueJson(issue) };
        },
      },
      {
        method: 'GET',
        path: new RegExp(`^${esc}/issues/(\\d+)/comments$`),
        handler: (req) => {
          const issue = this.issues.find((i) => i.number === Number(req.params[0]));
          if (!issue) return { status: 404, json: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
          return this.page(req.query, issue.comments.map((c) => this.commentJson(issue, c)), `${base}/issues/${issue.number}/comments`);
        },
      },
      {
        method: 'POST',
        path: new RegExp(`^${esc}/issues/(\\d+)/comments$`),
        handler: (req, body) => {
          const issue = this.issues.find((i) => i.number === Number(req.params[0]));
          if (!issue) return { status: 404, json: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
          const c = this.comment(issue, (JSON.parse(body) as { body: string }).body);
          return { status: 201, json: this.commentJson(issue, c) };
        },
      },
    ];
  }

  /** `per_page`/`page` paging with a Link header, as GitHub does. */
  private page(query: Record<string, string>, all: unknown[], path: string): { json: unknown; headers: Record<string, string> } {
    const perPage = Math.min(100, Number(query.per_page ?? 30));
    const page = Number(query.page ?? 1);
    const items = all.slice((page - 1) * perPage, page * perPage);
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const params = (p: number): string => new URLSearchParams({ ...query, page: String(p) }).toString();
    const origin = new URL(this.apiBase).origin;
    const links = [];
    if (page < last) links.push(`<${origin}${path}?${params(page + 1)}>; rel="next"`, `<${origin}${path}?${params(last)}>; rel="last"`);
    return { json: items, headers: links.length ? { link: links.join(', ') } : {} };
  }

  userJson(login: string): Record<string, unknown> {
    const api = `${this.apiBase}/users/${login}`;
    return {
      login, id: login.length * 101, node_id: `U_${login}`, avatar_url: `https://avatars.githubusercontent.com/u/${login.length}`, gravatar_id: '',
      url: api, html_url: `${this.webBase}/${login}`, followers_url: `${api}/followers`, following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`, starred_url: `${api}/starred{/owner}{/repo}`, subscriptions_url: `${api}/subscriptions`,
      organizations_url: `${api}/orgs`, repos_url: `${api}/repos`, events_url: `${api}/events{/privacy}`, received_events_url: `${api}/received_events`,
      type: 'User', site_admin: false,
    };
  }

  issueJson(issue: FakeIssue): Record<string, unknown> {
    const repoApi = `${this.apiBase}/repos/${this.owner}/${this.name}`;
    const url = `${repoApi}/issues/${issue.number}`;
    return {
      id: 5000 + issue.number, node_id: `I_${issue.number}`, url, repository_url: repoApi, labels_url: `${url}/labels{/name}`,
      comments_url: `${url}/comments`, events_url: `${url}/events`,
      html_url: `${this.webBase}/${this.owner}/${this.name}/${issue.isPullRequest ? 'pull' : 'issues'}/${issue.number}`,
      number: issue.number, state: 'open', title: issue.title, body: issue.body, user: this.userJson(issue.author),
      labels: issue.labels.map((name, i) => ({ id: i + 1, node_id: `LA_${i}`, url: `${repoApi}/labels/${encodeURIComponent(name)}`, name, color: 'ededed', default: false, description: null })),
      assignee: null, assignees: [], milestone: null, locked: false, active_lock_reason: null, comments: issue.comments.length,
      closed_at: null, created_at: issue.createdAt, updated_at: issue.createdAt, author_association: 'MEMBER',
      ...(issue.isPullRequest ? { pull_request: { url: `${repoApi}/pulls/${issue.number}`, html_url: `${this.webBase}/${this.owner}/${this.name}/pull/${issue.number}`, diff_url: null, patch_url: null } } : {}),
    };
  }

  commentJson(issue: FakeIssue, c: { id: number; body: string; author: string; createdAt: string }): Record<string, unknown> {
    const repoApi = `${this.apiBase}/repos/${this.owner}/${this.name}`;
    return {
      id: c.id, node_id: `IC_${c.id}`, url: `${repoApi}/issues/comments/${c.id}`, body: c.body,
      html_url: `${this.webBase}/${this.owner}/${this.name}/issues/${issue.number}#issuecomment-${c.id}`, issue_url: `${repoApi}/issues/${issue.number}`,
      user: this.userJson(c.author), created_at: c.createdAt, updated_at: c.createdAt, author_association: 'MEMBER',
    };
  }
}

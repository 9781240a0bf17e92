import type { Logger } from '../logger';
import { parseAnchor } from './anchor';
import type { GitHubClient } from '../github/client';
import { malformed } from '../github/errors';
import type { RepoRef } from './githubDiscussions';
import type { Thread, ThreadComment, ThreadDraftContent, Venue } from './threadTypes';

interface RestUser {
  login: string;
}

interface RestIssue {
  number: number;
  title: string;
  body?: string | null;
  html_url: string;
  state: string;
  created_at: string;
  comments: number;
  user: RestUser | null;
  pull_request?: unknown;
}

interface RestComment {
  id: number;
  body?: string;
  created_at: string;
  user: RestUser | null;
}

const MAX_ISSUES = 500;
/** Issues have no nested comments; a reply keeps its parent in a hidden marker. */
const REPLY_MARKER = /<!-- constellation:reply-to (\S+) -->\n?/;

/** GitHub Issues through REST: the fallback when a repository has Discussions off. */
export class IssuesApi {
  constructor(private readonly client: GitHubClient, private readonly logger: Logger) {}

  async list(venue: Venue, repo: RepoRef, labels: string[], signal?: AbortSignal): Promise<Thread[]> {
    const issues = await this.client.call('list issues', signal, async (request) => {
      const found: RestIssue[] = [];
      const params = { owner: repo.owner, repo: repo.name, state: 'all' as const, per_page: 100, ...(labels.length ? { labels: labels.join(',') } : {}), request };
      for await (const page of this.client.octokit.paginate.iterator('GET /repos/{owner}/{repo}/issues', params)) {
        if (!Array.isArray(page.data)) {
          throw malformed('the issue list');
        }
        found.push(...(page.data as RestIssue[]).filter((i) => !i.pull_request));
        if (found.length >= MAX_ISSUES) {
          this.logger.info(`listed the newest ${found.length} issues of ${repo.owner}/${repo.name}; older ones skipped`);
          break;
        }
      }
      return found;
    });
    const threads: Thread[] = [];
    for (const issue of issues) {
      const comments = issue.comments > 0 ? await this.comments(repo, issue.number, signal) : [];
      threads.push(toThread(issue, venue, comments));
    }
    return threads;
  }

  async create(venue: Venue, repo: RepoRef, labels: string[], draft: ThreadDraftContent, signal?: AbortSignal): Promise<Thread> {
    const issue = await this.client.call('create issue', signal, async (request) => {
      const response = await this.client.octokit.request('POST /repos/{owner}/{repo}/issues', {
        owner: repo.owner,
        repo: repo.name,
        title: draft.title,
        body: draft.body,
        ...(labels.length ? { labels } : {}),
        request,
      });
      return response.data as unknown;
    }, { write: true });
    if (!isIssue(issue)) {
      throw malformed('the new issue');
    }
    return toThread(issue, venue, []);
  }

  async comment(repo: RepoRef, issueNumber: number, body: string, replyTo: string | undefined, signal?: AbortSignal): Promise<ThreadComment> {
    const text = replyTo ? `<!-- constellation:reply-to ${replyTo.replace(/\s/g, '')} -->\n${body}` : body;
    const comment = await this.client.call('add issue comment', signal, async (request) => {
      const response = await this.client.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: repo.owner,
        repo: repo.name,
        issue_number: issueNumber,
        body: text,
        request,
      });
      return response.data as unknown;
    }, { write: true });
    if (!isComment(comment)) {
      throw malformed('the new issue comment');
    }
    return toComment(comment);
  }

  private async comments(repo: RepoRef, issueNumber: number, signal?: AbortSignal): Promise<ThreadComment[]> {
    return this.client.call('list issue comments', signal, async (request) => {
      const all = await this.client.octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: repo.owner,
        repo: repo.name,
        issue_number: issueNumber,
        per_page: 100,
        request,
      });
      if (!Array.isArray(all) || !all.every(isComment)) {
        throw malformed('the issue comments');
      }
      return (all as RestComment[]).map(toComment);
    });
  }
}

function toThread(issue: RestIssue, venue: Venue, comments: ThreadComment[]): Thread {
  const body = issue.body ?? '';
  return {
    id: String(issue.number),
    backend: 'github-issues',
    venue,
    title: issue.title,
    url: issue.html_url,
    author: issue.user ? { login: issue.user.login } : {},
    createdAt: issue.created_at,
    anchor: parseAnchor(body),
    body,
    comments,
    state: issue.state === 'closed' ? 'closed' : 'open',
  };
}

function toComment(c: RestComment): ThreadComment {
  const raw = c.body ?? '';
  const reply = REPLY_MARKER.exec(raw);
  return {
    id: String(c.id),
    author: c.user ? { login: c.user.login } : {},
    body: reply ? raw.replace(REPLY_MARKER, '') : raw,
    createdAt: c.created_at,
    ...(reply ? { replyTo: reply[1] } : {}),
  };
}

function isIssue(value: unknown): value is RestIssue {
  const v = value as RestIssue | null;
  return typeof v === 'object' && v !== null && typeof v.number === 'number' && typeof v.title === 'string' && typeof v.created_at === 'string';
}

function isComment(value: unknown): value is RestComment {
  const v = value as RestComment | null;
  return typeof v === 'object' && v !== null && typeof v.id === 'number' && typeof v.created_at === 'string';
}

/**
 * A loopback GitHub REST server for tests: real HTTP on 127.0.0.1, routes given by each test,
 * every request recorded. Answers like GitHub does where it matters to clients: JSON content type,
 * rate-limit headers, `{ message, documentation_url }` errors, 404 for unknown routes.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

export interface RecordedRequest {
  method: string;
  /** Decoded path without the query, e.g. `/repos/acme/patterns/contents/docs/a.md`. */
  path: string;
  /** Path and query as sent. */
  url: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RouteRequest extends RecordedRequest {
  /** Groups of the route's RegExp (empty for a string path). */
  params: string[];
}

export interface RouteResponse {
  status?: number;
  headers?: Record<string, string | number>;
  /** Sent as `application/json; charset=utf-8`. */
  json?: unknown;
  /** Sent as is (set `content-type` in `headers`). */
  body?: string | Buffer;
  /** Drop the connection without answering (a reset socket). */
  reset?: boolean;
}

export interface Route {
  method: string;
  /** Exact decoded path, or a RegExp tested against it. */
  path: string | RegExp;
  handler(request: RouteRequest, body: string): RouteResponse | Promise<RouteResponse>;
}

export interface GitHubServer {
  /** e.g. `http://127.0.0.1:43123`: pass as Octokit's `baseUrl`. */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Routes tried before the initial ones. */
  addRoutes(routes: Route[]): void;
  close(): Promise<void>;
}

export interface GitHubServerOptions {
  routes: Route[];
  /** Value of `x-ratelimit-remaining` on every response, unless a route sets it. Default 4999. */
  rateLimitRemaining?: number;
}

export async function startGitHubServer(options: GitHubServerOptions): Promise<GitHubServer> {
  let routes = [...options.routes];
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: decodeURIComponent(url.pathname),
        url: req.url ?? '/',
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body,
      };
      requests.push(recorded);
      void respond(routes, recorded, body, options.rateLimitRemaining ?? 4999).then((answer) => send(res, answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    addRoutes: (more) => (routes = [...more, ...routes]),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function respond(routes: Route[], request: RecordedRequest, body: string, remaining: number): Promise<RouteResponse> {
  for (const route of routes) {
    if (route.method.toUpperCase() !== request.method) continue;
    let params: string[] | undefined;
    if (typeof route.path === 'string') params = route.path === request.path ? [] : undefined;
    else params = route.path.exec(request.path)?.slice(1);
    if (!params) continue;
    try {
      const answer = await route.handler({ ...request, params }, body);
      return { ...answer, headers: { ...rateLimitHeaders(remaining), ...answer.headers } };
    } catch (error) {
      return { status: 500, json: { message: `test route failed: ${(error as Error).message}` } };
    }
  }
  return { status: 404, headers: rateLimitHeaders(remaining), json: githubError('Not Found') };
}

function send(res: http.ServerResponse, answer: RouteResponse): void {
  if (answer.reset) {
    res.socket?.destroy();
    return;
  }
  const headers: Record<string, string | number> = { 'x-github-media-type': 'github.v3; format=json', ...answer.headers };
  let payload: string | Buffer = '';
  if (answer.json !== undefined) {
    payload = JSON.stringify(answer.json);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  } else if (answer.body !== undefined) {
    payload = answer.body;
  }
  const status = answer.status ?? 200;
  if (status === 304) payload = '';
  headers['content-length'] = Buffer.byteLength(payload);
  res.writeHead(status, headers);
  res.end(payload);
}

function rateLimitHeaders(remaining: number): Record<string, string> {
  return {
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-used': String(5000 - remaining),
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    'x-ratelimit-resource': 'core',
  };
}

/** The body of a GitHub error response. */
export function githubError(message: string): { message: string; documentation_url: string; status?: string } {
  return { message, documentation_url: 'https://docs.github.com/rest' };
}

/**
 * Answers 304 when the request's `If-None-Match` equals `etag`, else `response` with the ETag set:
 * how GitHub's conditional requests behave.
 */
export function conditional(request: RecordedRequest, etag: string, response: RouteResponse): RouteResponse {
  if (request.headers['if-none-match'] === etag) return { status: 304, headers: { etag } };
  return { ...response, headers: { ...response.headers, etag } };
}

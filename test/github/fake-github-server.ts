import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerBlobQuery, blobId, type FakeFile, treeEntries } from './fake-repo.ts';

export interface FakePull {
  number: number;
  head: string;
  base: string;
  state: 'open' | 'closed';
  draft: boolean;
}

export interface CheckRun {
  id: number;
  owner: string;
  repo: string;
  head_sha: string;
  status: string;
  conclusion?: string;
  title?: string;
  summary?: string;
  externalId?: string;
  /** Milliseconds since the epoch, for the load benchmark's timeline. */
  createdMs: number;
  completedAt?: string;
  annotations: number;
  updates: number;
}

export interface Comment {
  id: number;
  owner: string;
  repo: string;
  number: number;
  body: string;
  login: string;
  updatedAt: string;
}

export interface LoggedRequest {
  at: number;
  method: string;
  path: string;
  installation?: number;
  status: number;
}

interface RepoRequest {
  owner: string;
  name: string;
  repo: Repo;
  query: URLSearchParams;
  body: Json;
  /** The route's one captured segment: a number or a commit. */
  param: string;
}

interface Repo {
  installation: number;
  commits: Map<string, Record<string, FakeFile>>;
  pulls: Map<number, FakePull>;
}

export interface FakeGitHubOptions {
  appId: number;
  slug: string;
  /** Added to every answer, as GitHub's own latency would be. */
  latencyMs?: number;
  /** The hourly budget reported in `x-ratelimit-*`, per installation. */
  rateLimit?: number;
}

/**
 * GitHub's REST and GraphQL API as the App uses it, over HTTP on loopback, for processes that
 * nock cannot reach (worker threads, worker processes, the load benchmark). It keeps the state a
 * reviewer would look at afterwards: check runs, comments and every request, with its installation.
 * Served under `/api/v3`, as GitHub Enterprise Server is, so `GHE_HOST` points the App at it.
 */
export class FakeGitHub {
  readonly repos = new Map<string, Repo>();
  readonly checkRuns: CheckRun[] = [];
  readonly comments: Comment[] = [];
  readonly requests: LoggedRequest[] = [];
  /** Answers to give instead of the real one, first match first: e.g. a 502 for the next POST. */
  readonly faults: Array<{ method: string; path: RegExp; status: number; times: number }> = [];
  readonly #server: Server;
  readonly #options: FakeGitHubOptions;
  readonly #tokens = new Map<string, number>();
  readonly #used = new Map<number, number>();
  readonly #blobs = new Map<string, FakeFile>();
  #ids = 1000;

  constructor(options: FakeGitHubOptions) {
    this.#options = options;
    this.#server = createServer((request, response) => void this.#handle(request, response));
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    return `127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  addRepo(owner: string, repo: string, installation: number): void {
    this.repos.set(`${owner}/${repo}`, { installation, commits: new Map(), pulls: new Map() });
  }

  addCommit(owner: string, repo: string, sha: string, files: Record<string, FakeFile>): void {
    this.#repo(owner, repo).commits.set(sha, files);
    for (const file of Object.values(files)) this.#blobs.set(blobId(file), file);
  }

  setPull(owner: string, repo: string, pull: FakePull): void {
    this.#repo(owner, repo).pulls.set(pull.number, { ...pull });
  }

  runsOf(owner: string, repo: string, sha: string): CheckRun[] {
    return this.checkRuns.filter((run) => run.owner === owner && run.repo === repo && run.head_sha === sha);
  }

  /**
   * Every given head has a completed review (not a superseded one) and no run anywhere is left in
   * progress: what a load run waits for before it is judged.
   */
  reviewedAll(heads: ReadonlyArray<{ owner: string; repo: string; head: string }>): boolean {
    const reviewed = heads.every(({ owner, repo, head }) =>
      this.runsOf(owner, repo, head).some(
        (run) => run.status === 'completed' && run.conclusion !== 'skipped',
      ),
    );
    return reviewed && this.checkRuns.every((run) => run.status === 'completed');
  }

  commentsOn(owner: string, repo: string, number: number): Comment[] {
    return this.comments.filter((c) => c.owner === owner && c.repo === repo && c.number === number);
  }

  #repo(owner: string, repo: string): Repo {
    const found = this.repos.get(`${owner}/${repo}`);
    if (!found) throw new Error(`no repository ${owner}/${repo}`);
    return found;
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString();
    const body = text ? JSON.parse(text) : undefined;
    const url = new URL(request.url ?? '/', 'http://github.test');
    const path = url.pathname.replace(/^\/api\/v3/, '').replace(/^\/api\/graphql$/, '/graphql');
    const method = request.method ?? 'GET';
    const installation = this.#tokens.get(
      String(request.headers.authorization).replace(/^(token|bearer) /i, ''),
    );
    if (this.#options.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.#options.latencyMs));

    const fault = this.faults.find((f) => f.method === method && f.path.test(path) && f.times > 0);
    let status: number;
    let answer: unknown;
    if (fault) {
      fault.times--;
      status = fault.status;
      answer = { message: `fault injected: ${fault.status}` };
    } else {
      [status, answer] = this.#route(method, path, url.searchParams, body);
    }
    this.requests.push({
      at: Date.now(),
      method,
      path: path + url.search,
      status,
      ...(installation ? { installation } : {}),
    });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (installation !== undefined) {
      const used = (this.#used.get(installation) ?? 0) + 1;
      this.#used.set(installation, used);
      const limit = this.#options.rateLimit ?? 5_000;
      headers['x-ratelimit-limit'] = String(limit);
      headers['x-ratelimit-remaining'] = String(Math.max(0, limit - used));
      headers['x-ratelimit-reset'] = String(Math.floor(Date.now() / 1000) + 3600);
    }
    response.writeHead(status, headers).end(answer === undefined ? '' : JSON.stringify(answer));
  }

  #route(method: string, path: string, query: URLSearchParams, body: Json): [number, unknown] {
    const route = `${method} ${path}`;
    if (route === 'GET /app')
      return [200, { id: this.#options.appId, slug: this.#options.slug, name: this.#options.slug }];
    const token = route.match(/^POST \/app\/installations\/(\d+)\/access_tokens$/);
    if (token) {
      const value = `ghs_fake${this.#ids++}`;
      this.#tokens.set(value, Number(token[1]));
      return [
        201,
        { token: value, expires_at: new Date(Date.now() + 3_600_000).toISOString(), permissions: {} },
      ];
    }
    if (route === 'POST /graphql') return [200, this.#graphqlBlobs(body)];
    const inRepo = path.match(/^\/repos\/([^/]+)\/([^/]+)(\/.*)$/);
    const repo = inRepo && this.repos.get(`${inRepo[1]}/${inRepo[2]}`);
    if (!inRepo || !repo) return [404, { message: 'Not Found' }];
    const [, owner = '', name = '', rest = ''] = inRepo;
    for (const [pattern, answer] of this.#repoRoutes) {
      const match = `${method} ${rest}`.match(pattern);
      if (match) return answer({ owner, name, repo, query, body, param: match[1] ?? '' });
    }
    return [404, { message: `Not Found: ${method} ${path}` }];
  }

  readonly #repoRoutes: Array<[RegExp, (request: RepoRequest) => [number, unknown]]> = [
    [
      /^GET \/pulls\/(\d+)$/,
      ({ repo, param }) => {
        const pull = repo.pulls.get(Number(param));
        return pull ? [200, pullJson(pull)] : [404, { message: 'Not Found' }];
      },
    ],
    [
      /^GET \/commits\/([0-9a-f]+)\/pulls$/,
      ({ repo, param }) => [
        200,
        [...repo.pulls.values()].filter((pull) => pull.head === param).map(pullJson),
      ],
    ],
    [
      /^GET \/commits\/([0-9a-f]+)\/check-runs$/,
      ({ owner, name, param }) => {
        const latest = this.runsOf(owner, name, param)
          .slice(-1)
          .map((run) => ({
            id: run.id,
            name: 'headroom',
            head_sha: run.head_sha,
            status: run.status,
            completed_at: run.completedAt ?? null,
            external_id: run.externalId ?? null,
          }));
        return [200, { total_count: latest.length, check_runs: latest }];
      },
    ],
    [
      /^POST \/check-runs$/,
      ({ owner, name, body }) => {
        const run: CheckRun = {
          id: this.#ids++,
          owner,
          repo: name,
          head_sha: body.head_sha,
          status: body.status ?? 'queued',
          createdMs: Date.now(),
          annotations: 0,
          updates: 0,
        };
        this.#applyRun(run, body);
        this.checkRuns.push(run);
        return [201, { id: run.id }];
      },
    ],
    [
      /^PATCH \/check-runs\/(\d+)$/,
      ({ param, body }) => {
        const run = this.checkRuns.find((candidate) => candidate.id === Number(param));
        if (!run) return [404, { message: 'Not Found' }];
        run.updates++;
        this.#applyRun(run, body);
        return [200, { id: run.id }];
      },
    ],
    [
      /^GET \/git\/trees\/([0-9a-f]+)$/,
      ({ repo, param }) => {
        const files = repo.commits.get(param);
        if (!files) return [404, { message: 'Not Found' }];
        return [200, { sha: param, url: '', truncated: false, tree: treeEntries(files) }];
      },
    ],
    [
      /^GET \/issues\/(\d+)\/comments$/,
      ({ owner, name, param, query }) => {
        const page = Number(query.get('page') ?? 1);
        const size = Number(query.get('per_page') ?? 30);
        const all = this.commentsOn(owner, name, Number(param));
        return [200, all.slice((page - 1) * size, page * size).map(commentJson)];
      },
    ],
    [
      /^POST \/issues\/(\d+)\/comments$/,
      ({ owner, name, param, body }) => {
        const login = `${this.#options.slug}[bot]`;
        const comment = {
          id: this.#ids++,
          owner,
          repo: name,
          number: Number(param),
          body: body.body,
          login,
          updatedAt: githubTime(),
        };
        this.comments.push(comment);
        return [201, commentJson(comment)];
      },
    ],
    [
      /^PATCH \/issues\/comments\/(\d+)$/,
      ({ param, body }) => {
        const comment = this.comments.find((candidate) => candidate.id === Number(param));
        if (!comment) return [404, { message: 'Not Found' }];
        comment.body = body.body;
        comment.updatedAt = githubTime();
        return [200, commentJson(comment)];
      },
    ],
  ];

  #applyRun(run: CheckRun, body: Json): void {
    if (body.status) run.status = body.status;
    if (body.external_id) run.externalId = body.external_id;
    if (body.status === 'completed') run.completedAt = githubTime();
    if (body.conclusion) run.conclusion = body.conclusion;
    if (body.output?.title) run.title = body.output.title;
    if (body.output?.summary) run.summary = body.output.summary;
    run.annotations += body.output?.annotations?.length ?? 0;
  }

  #graphqlBlobs(body: Json): unknown {
    return answerBlobQuery(String(body?.query), this.#blobs);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: request bodies, read field by field
type Json = any;

/** GitHub's timestamps are to the second. */
function githubTime(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

function pullJson(pull: FakePull): object {
  return {
    number: pull.number,
    state: pull.state,
    draft: pull.draft,
    head: { sha: pull.head },
    base: { sha: pull.base },
  };
}

function commentJson(comment: Comment): object {
  return {
    id: comment.id,
    body: comment.body,
    user: { login: comment.login, type: 'Bot' },
    updated_at: comment.updatedAt,
  };
}

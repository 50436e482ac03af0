import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  body?: unknown;
}

interface Comment {
  id: number;
  body: string;
  user: { login: string; type: string };
}

interface WorkflowRun {
  id: number;
  run_number: number;
  event: string;
  path: string;
  head_sha: string;
}

/**
 * A local stand-in for api.github.com, answering only what the Action may ask: the base tree,
 * GraphQL blob reads, the pull request's comments and head, its workflow runs and their re-runs.
 * Every request is recorded.
 */
export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly comments: Comment[] = [];
  /** Answer 403 to comment writes, as GitHub does for a fork's read-only token. */
  readOnly = false;
  /** Answer 403 to re-runs, as GitHub does when the workflow lacks `actions: write`. */
  actionsWrite = true;
  /** Head commit of each pull request, by number. */
  readonly heads = new Map<number, string>();
  readonly workflowRuns: WorkflowRun[] = [];
  #server: Server;
  #blobs = new Map<string, string>();
  #trees = new Map<string, Array<{ path: string; sha: string; size: number }>>();

  constructor() {
    this.#server = createServer((request, response) => {
      void this.#handle(request, response);
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  /** A commit whose files the tree and GraphQL endpoints serve. */
  commit(sha: string, files: Record<string, string>): void {
    this.#trees.set(
      sha,
      Object.entries(files).map(([path, text]) => {
        const oid = createHash('sha1')
          .update(`blob ${Buffer.byteLength(text)}\0${text}`)
          .digest('hex');
        this.#blobs.set(oid, text);
        return { path, sha: oid, size: Buffer.byteLength(text) };
      }),
    );
  }

  /** `METHOD /path` of every request, in order. */
  lines(): string[] {
    return this.requests.map((r) => `${r.method} ${r.path}`);
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? JSON.parse(text) : undefined;
    const method = request.method ?? 'GET';
    const path = request.url ?? '/';
    this.requests.push({ method, path, ...(body === undefined ? {} : { body }) });
    const reply = (status: number, json: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(json));
    };

    const tree = /^\/repos\/[^/]+\/[^/]+\/git\/trees\/([0-9a-f]+)\?recursive=1$/.exec(path);
    if (method === 'GET' && tree) {
      const entries = this.#trees.get(tree[1] as string);
      if (!entries) return reply(404, { message: 'Not Found' });
      return reply(200, {
        sha: tree[1],
        truncated: false,
        tree: entries.map((e) => ({ ...e, mode: '100644', type: 'blob' })),
      });
    }
    if (method === 'POST' && path === '/graphql') {
      const repository: Record<string, unknown> = {};
      for (const match of String(body?.query).matchAll(/(b\d+): object\(oid: "([0-9a-f]+)"\)/g)) {
        const blob = this.#blobs.get(match[2] as string);
        repository[match[1] as string] =
          blob === undefined
            ? null
            : { text: blob, isBinary: false, isTruncated: false, byteSize: Buffer.byteLength(blob) };
      }
      return reply(200, { data: { repository } });
    }
    if (/^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments\?/.test(path) && method === 'GET')
      return reply(200, this.comments);
    if (/^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments$/.test(path) && method === 'POST') {
      if (this.readOnly) return reply(403, { message: 'Resource not accessible by integration' });
      const comment = {
        id: 1000 + this.comments.length,
        body: body.body,
        user: { login: 'github-actions[bot]', type: 'Bot' },
      };
      this.comments.push(comment);
      return reply(201, comment);
    }
    const edit = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(path);
    if (edit && method === 'PATCH') {
      const comment = this.comments.find((c) => c.id === Number(edit[1]));
      if (!comment) return reply(404, { message: 'Not Found' });
      comment.body = body.body;
      return reply(200, comment);
    }
    const pull = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)$/.exec(path);
    if (pull && method === 'GET') {
      const sha = this.heads.get(Number(pull[1]));
      return sha
        ? reply(200, { number: Number(pull[1]), head: { sha } })
        : reply(404, { message: 'Not Found' });
    }
    if (method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/actions\/runs(\?|$)/.test(path)) {
      const sha = new URL(path, 'http://x').searchParams.get('head_sha');
      const runs = this.workflowRuns.filter((run) => !sha || run.head_sha === sha);
      return reply(200, { total_count: runs.length, workflow_runs: runs });
    }
    const rerun = /^\/repos\/[^/]+\/[^/]+\/actions\/runs\/(\d+)\/rerun$/.exec(path);
    if (rerun && method === 'POST') {
      if (!this.actionsWrite) return reply(403, { message: 'Resource not accessible by integration' });
      return this.workflowRuns.some((run) => run.id === Number(rerun[1]))
        ? reply(201, {})
        : reply(404, { message: 'Not Found' });
    }
    return reply(404, { message: `FakeGitHub does not serve ${method} ${path}` });
  }
}

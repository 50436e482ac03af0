import nock from 'nock';
import { openApiErrors } from './openapi-validator.ts';

export const API = 'https://api.github.com';

/** Webhook payloads and recorded bodies: free-form JSON, read field by field in assertions. */
// biome-ignore lint/suspicious/noExplicitAny: JSON documents, asserted on in tests
export type Json = Record<string, any>;

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/repos/o/r/git/trees/abc?recursive=1`. */
  path: string;
  body: unknown;
}

/**
 * One nock scope on api.github.com that records every request it answers, and every request
 * nothing answered. Tests assert the exact list; `problems()` adds what GitHub's OpenAPI
 * description rejects, so a request GitHub would refuse cannot pass a test.
 */
export class GitHubRecorder {
  readonly scope: nock.Scope;
  readonly requests: RecordedRequest[] = [];
  readonly unmatched: string[] = [];
  readonly #onNoMatch = (request: { method?: string; url?: string }) => {
    // Requests to other hosts (a test's own webhook server) are not GitHub's business.
    if (request.url?.startsWith(API)) this.unmatched.push(`${request.method} ${request.url}`);
  };

  constructor() {
    nock.disableNetConnect();
    this.scope = nock(API);
    this.scope.on('request', (request: Request, _interceptor: unknown, body: string) => {
      const url = new URL(request.url);
      this.requests.push({ method: request.method, path: url.pathname + url.search, body: parseBody(body) });
    });
    nock.emitter.on('no match', this.#onNoMatch);
  }

  /** `METHOD /path` of every answered request, in order; the short form tests compare against. */
  get lines(): string[] {
    return this.requests.map((request) => `${request.method} ${request.path}`);
  }

  /** Requests whose method and path start with the given line. */
  find(method: string, pathPrefix: string): RecordedRequest[] {
    return this.requests.filter(
      (request) => request.method === method && request.path.startsWith(pathPrefix),
    );
  }

  /** Unanswered requests, interceptors never used, and every departure from GitHub's API description. */
  problems(): string[] {
    const rest = this.requests.filter((request) => request.path !== '/graphql');
    return [
      ...this.unmatched.map((line) => `unexpected request: ${line}`),
      ...this.scope.pendingMocks().map((line) => `expected but not requested: ${line}`),
      ...rest.flatMap((request) => openApiErrors(request)),
      ...this.requests.filter((request) => request.path === '/graphql').flatMap(graphqlProblems),
    ];
  }

  dispose(): void {
    nock.emitter.removeListener('no match', this.#onNoMatch);
    nock.cleanAll();
    nock.enableNetConnect();
  }
}

function parseBody(body: string): unknown {
  if (body === '') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/** GraphQL has no OpenAPI entry: check the envelope GitHub's endpoint expects. */
function graphqlProblems(request: RecordedRequest): string[] {
  const body = request.body as { query?: unknown; variables?: unknown } | undefined;
  if (request.method !== 'POST') return [`GraphQL must be POST, was ${request.method}`];
  if (typeof body?.query !== 'string') return ['GraphQL request without a query string'];
  return [];
}

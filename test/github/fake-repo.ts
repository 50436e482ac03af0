import { createHash } from 'node:crypto';
import type { GitHubRecorder } from './github-recorder.ts';

/** A file's content, or a binary/large stand-in described by its size. */
export type FakeFile = string | { binary: true; size: number } | { size: number };

export interface FakeCommit {
  owner: string;
  repo: string;
  sha: string;
  files: Record<string, FakeFile>;
}

/** Git's own blob id, so identical contents on base and head share an id as they do on GitHub. */
export function blobId(file: FakeFile): string {
  const content = typeof file === 'string' ? file : `${'binary' in file ? 'bin' : 'big'}:${file.size}`;
  const bytes = Buffer.from(content);
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}

function sizeOf(file: FakeFile): number {
  return typeof file === 'string' ? Buffer.byteLength(file) : file.size;
}

/** The tree entries GitHub's recursive tree endpoint returns for these files (folders included). */
export function treeEntries(files: Record<string, FakeFile>): object[] {
  const folders = new Set<string>();
  for (const path of Object.keys(files)) {
    const parts = path.split('/');
    for (let depth = 1; depth < parts.length; depth++) folders.add(parts.slice(0, depth).join('/'));
  }
  return [
    ...[...folders].map((path) => ({ path, mode: '040000', type: 'tree', sha: blobId(`tree:${path}`) })),
    ...Object.entries(files).map(([path, file]) => ({
      path,
      mode: '100644',
      type: 'blob',
      sha: blobId(file),
      size: sizeOf(file),
    })),
  ];
}

/** Answers the one recursive tree request for a commit. */
export function mockTree(recorder: GitHubRecorder, commit: FakeCommit): void {
  recorder.scope
    .get(`/repos/${commit.owner}/${commit.repo}/git/trees/${commit.sha}`)
    .query({ recursive: '1' })
    .reply(200, { sha: commit.sha, url: '', truncated: false, tree: treeEntries(commit.files) });
}

/** Answers `times` GraphQL blob queries from the files of the given commits, as GitHub would. */
export function mockBlobQueries(recorder: GitHubRecorder, commits: readonly FakeCommit[], times = 1): void {
  const byId = new Map<string, FakeFile>();
  for (const commit of commits) for (const file of Object.values(commit.files)) byId.set(blobId(file), file);
  recorder.scope
    .post('/graphql')
    .times(times)
    .reply(200, async (request: Request) => {
      // nock 15 hands reply functions the fetch Request itself.
      const { query } = (await request.json()) as { query: string };
      return answerBlobQuery(query, byId);
    });
}

/** GitHub's answer to the file set's blob query: each aliased object, or null for an unknown id. */
export function answerBlobQuery(query: string, byId: ReadonlyMap<string, FakeFile>): object {
  const repository: Record<string, object | null> = {};
  for (const [, alias, oid] of query.matchAll(/(b\d+): object\(oid: "([0-9a-f]+)"\)/g)) {
    const file = byId.get(oid as string);
    repository[alias as string] = file === undefined ? null : graphqlBlob(file);
  }
  return { data: { repository } };
}

function graphqlBlob(file: FakeFile): object {
  if (typeof file === 'string') {
    return { text: file, isBinary: false, isTruncated: false, byteSize: Buffer.byteLength(file) };
  }
  return { text: null, isBinary: true, isTruncated: false, byteSize: file.size };
}

/** The aliases a recorded GraphQL blob query asked for: how many blobs it fetched. */
export function blobsAskedIn(body: unknown): number {
  return [...String((body as { query?: string }).query).matchAll(/object\(oid:/g)].length;
}

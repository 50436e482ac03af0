import type { GitHubClient } from '../delivery/github/client.ts';
import { classifyBytes } from './classify.ts';
import {
  DEFAULT_LIMITS,
  type FileContent,
  type FileEntry,
  type FileLimits,
  type FileSet,
  type SkipNote,
} from './file-set.ts';
import { isSkippedDirectory } from './skipped-directories.ts';

/** One commit of a repository. For a fork's pull request, the base repository and the head sha. */
export interface GitHubCommit {
  owner: string;
  repo: string;
  sha: string;
}

/** What a blob read returns, before the path it was read for is attached. */
export type BlobContent = { kind: 'text'; text: string; size: number } | { kind: 'binary'; size: number };

/**
 * Blobs by object id. Share one between the base and head sets of a review: files the
 * pull request did not change have the same id on both sides and are fetched once.
 */
export type BlobCache = Map<string, Promise<BlobContent | undefined>>;

export interface GitHubFileSetOptions {
  limits?: FileLimits;
  blobs?: BlobCache;
  /** Most blobs asked for in one GraphQL query. */
  blobsPerQuery?: number;
  /** Most bytes (by the tree's sizes) asked for in one GraphQL query, so one response stays small. */
  bytesPerQuery?: number;
}

/**
 * Folders read on their own when GitHub truncates the recursive tree: where the files a review
 * needs usually live. Files elsewhere in a truncated tree may be missing, and the review says so.
 */
export const WELL_KNOWN_FOLDERS = [
  '.github',
  'prisma',
  'db',
  'migrations',
  'supabase',
  'drizzle',
  'sql',
] as const;

const MODE_SYMLINK = '120000';

interface TreeEntry {
  path?: string;
  mode?: string;
  type?: string;
  sha?: string;
  size?: number;
}

interface Listed extends FileEntry {
  oid: string;
}

interface GraphqlBlob {
  text: string | null;
  isBinary: boolean | null;
  isTruncated: boolean;
  byteSize: number;
}

/**
 * A commit on GitHub: one recursive tree request lists it; `read` fetches only the asked paths,
 * many blobs per GraphQL query (a REST blob request per file would cost one request each).
 */
export class GitHubFileSet implements FileSet {
  readonly label: string;
  readonly #client: GitHubClient;
  readonly #commit: GitHubCommit;
  readonly #limits: FileLimits;
  readonly #blobs: BlobCache;
  readonly #blobsPerQuery: number;
  readonly #bytesPerQuery: number;
  readonly #skipped: SkipNote[] = [];
  #entries?: Promise<Map<string, Listed>>;

  constructor(client: GitHubClient, commit: GitHubCommit, options: GitHubFileSetOptions = {}) {
    this.#client = client;
    this.#commit = commit;
    this.label = `${commit.owner}/${commit.repo}@${commit.sha.slice(0, 7)}`;
    this.#limits = options.limits ?? DEFAULT_LIMITS;
    this.#blobs = options.blobs ?? new Map();
    this.#blobsPerQuery = options.blobsPerQuery ?? 100;
    this.#bytesPerQuery = options.bytesPerQuery ?? 4 * 1024 * 1024;
  }

  async list(): Promise<FileEntry[]> {
    return [...(await this.#listing()).values()].map(({ path, size, oid }) => ({ path, size, oid }));
  }

  async read(paths: readonly string[]): Promise<Map<string, FileContent>> {
    const listing = await this.#listing();
    const wanted = paths.flatMap((path) => listing.get(path) ?? []);
    const readable = wanted.filter((entry) => (entry.size ?? 0) <= this.#limits.maxFileBytes);
    await this.#fetchMissing(readable);

    const result = new Map<string, FileContent>();
    for (const entry of wanted) {
      if (!readable.includes(entry)) {
        result.set(entry.path, { path: entry.path, kind: 'too-large', size: entry.size ?? 0 });
        continue;
      }
      const blob = await this.#blobs.get(entry.oid);
      if (blob) result.set(entry.path, { path: entry.path, ...blob });
    }
    return result;
  }

  skipped(): SkipNote[] {
    return [...this.#skipped];
  }

  #listing(): Promise<Map<string, Listed>> {
    this.#entries ??= this.#fetchListing();
    return this.#entries;
  }

  async #fetchListing(): Promise<Map<string, Listed>> {
    const root = await this.#tree(this.#commit.sha, true);
    let entries = root.tree;
    if (root.truncated) entries = [...entries, ...(await this.#wellKnownFolders())];

    const listing = new Map<string, Listed>();
    const skippedFolders = new Set<string>();
    for (const entry of entries) {
      if (!entry.path || !entry.sha) continue;
      const skippedFolder = topSkippedFolder(entry);
      if (skippedFolder !== undefined) {
        skippedFolders.add(skippedFolder);
        continue;
      }
      if (entry.type !== 'blob' || entry.mode === MODE_SYMLINK) continue;
      listing.set(entry.path, { path: entry.path, size: entry.size, oid: entry.sha });
    }
    for (const folder of [...skippedFolders].sort()) {
      this.#skipped.push({ path: `${folder}/`, reason: 'dependency, build or VCS folder' });
    }
    return new Map([...listing].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  /** After a truncated tree: the root's own files plus each well-known folder, recursively. */
  async #wellKnownFolders(): Promise<TreeEntry[]> {
    const root = await this.#tree(this.#commit.sha, false);
    const entries: TreeEntry[] = [...root.tree];
    const folders = root.tree.filter(
      (entry) => entry.type === 'tree' && WELL_KNOWN_FOLDERS.some((name) => name === entry.path),
    );
    for (const folder of folders) {
      const sub = await this.#tree(folder.sha as string, true);
      if (sub.truncated)
        this.#skipped.push({ path: `${folder.path}/`, reason: 'GitHub truncated this folder too' });
      entries.push(...sub.tree.map((entry) => ({ ...entry, path: `${folder.path}/${entry.path}` })));
    }
    this.#skipped.push({
      path: '**',
      reason:
        'GitHub truncated the recursive file tree (too many files); Headroom read the files GitHub listed, ' +
        `the root folder and ${WELL_KNOWN_FOLDERS.map((name) => `${name}/`).join(', ')}; files elsewhere may be missing`,
    });
    return entries;
  }

  async #tree(treeSha: string, recursive: boolean): Promise<{ tree: TreeEntry[]; truncated: boolean }> {
    const { owner, repo } = this.#commit;
    const response = await this.#client.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
      owner,
      repo,
      tree_sha: treeSha,
      ...(recursive ? { recursive: '1' } : {}),
    });
    return { tree: response.data.tree, truncated: response.data.truncated };
  }

  /** Starts one fetch for every blob not in the cache, and waits for all of them. */
  async #fetchMissing(entries: readonly Listed[]): Promise<void> {
    const missing = [
      ...new Map(entries.filter((e) => !this.#blobs.has(e.oid)).map((e) => [e.oid, e])).values(),
    ];
    const batches = batch(missing, this.#blobsPerQuery, this.#bytesPerQuery);
    const pending = batches.map((group) => this.#registerBatch(group));
    await Promise.all([...pending, ...entries.map((entry) => this.#blobs.get(entry.oid))]);
  }

  #registerBatch(group: readonly Listed[]): Promise<void> {
    const query = this.#graphqlBlobs(group);
    group.forEach((entry, index) => {
      this.#blobs.set(
        entry.oid,
        query.then((blobs) => this.#fromGraphql(entry, blobs[index])),
      );
    });
    return query.then(() => undefined);
  }

  async #graphqlBlobs(group: readonly Listed[]): Promise<Array<GraphqlBlob | null | undefined>> {
    const fields = group
      .map(
        (entry, index) =>
          `b${index}: object(oid: "${gitObjectId(entry.oid)}") { ... on Blob { text isBinary isTruncated byteSize } }`,
      )
      .join('\n');
    const data = await this.#client.graphql<{ repository: Record<string, GraphqlBlob | null> | null }>(
      `query headroomBlobs($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { ${fields} } }`,
      { owner: this.#commit.owner, name: this.#commit.repo },
    );
    return group.map((_, index) => data.repository?.[`b${index}`]);
  }

  /** GraphQL cuts long texts; those few are fetched whole through the REST blob endpoint. */
  async #fromGraphql(entry: Listed, blob: GraphqlBlob | null | undefined): Promise<BlobContent | undefined> {
    if (!blob) return undefined;
    if (blob.isBinary || blob.text === null) return { kind: 'binary', size: blob.byteSize };
    if (!blob.isTruncated) return { kind: 'text', text: blob.text, size: blob.byteSize };
    const { owner, repo } = this.#commit;
    const response = await this.#client.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
      owner,
      repo,
      file_sha: entry.oid,
    });
    const content = classifyBytes(entry.path, Buffer.from(response.data.content, 'base64'));
    return content.kind === 'text'
      ? { kind: 'text', text: content.text, size: content.size }
      : { kind: 'binary', size: content.size };
  }
}

/** The topmost skipped folder on an entry's path, if any (`web/node_modules` for its files). */
function topSkippedFolder(entry: TreeEntry): string | undefined {
  const parts = (entry.path as string).split('/');
  const folders = entry.type === 'tree' ? parts : parts.slice(0, -1);
  const index = folders.findIndex(isSkippedDirectory);
  return index === -1 ? undefined : parts.slice(0, index + 1).join('/');
}

/** Object ids go into the query text; only hex is allowed there, so nothing can be injected. */
function gitObjectId(oid: string): string {
  if (!/^[0-9a-f]{40,64}$/.test(oid)) throw new Error(`Not a git object id: ${oid}`);
  return oid;
}

function batch(entries: readonly Listed[], maxCount: number, maxBytes: number): Listed[][] {
  const batches: Listed[][] = [];
  let current: Listed[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = entry.size ?? 0;
    if (current.length > 0 && (current.length >= maxCount || bytes + size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

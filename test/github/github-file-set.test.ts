import { Octokit } from '@octokit/rest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BlobCache, GitHubFileSet } from '../../src/files/github-file-set.ts';
import {
  blobId,
  blobsAskedIn,
  type FakeCommit,
  mockBlobQueries,
  mockTree,
  treeEntries,
} from './fake-repo.ts';
import { GitHubRecorder } from './github-recorder.ts';

// A plain @octokit/rest client, as the Action will pass: the file set needs nothing from probot.
const client = new Octokit({ auth: 'test-token' });
let github: GitHubRecorder;

beforeEach(() => {
  github = new GitHubRecorder();
});
afterEach(() => {
  github.dispose();
});

const head: FakeCommit = {
  owner: 'acme',
  repo: 'shop',
  sha: 'a'.repeat(40),
  files: {
    'render.yaml': 'services:\n  - type: web\n    name: api\n',
    'prisma/schema.prisma': 'model Post { id Int @id }\n',
    'docs/logo.png': { binary: true, size: 2048 },
    'db/dump.sql': { size: 6 * 1024 * 1024 },
    'node_modules/pg/package.json': '{"name":"pg"}',
    'web/node_modules/x/index.js': '',
    'README.md': '# shop\n',
  },
};

describe('GitHubFileSet', () => {
  it('lists a commit with one recursive tree request, leaving out dependency folders and saying so', async () => {
    mockTree(github, head);
    const files = new GitHubFileSet(client, head);

    const listed = await files.list();

    expect(listed.map((entry) => entry.path)).toEqual([
      'README.md',
      'db/dump.sql',
      'docs/logo.png',
      'prisma/schema.prisma',
      'render.yaml',
    ]);
    expect(listed.find((entry) => entry.path === 'render.yaml')?.size).toBe(38);
    expect(files.skipped()).toEqual([
      { path: 'node_modules/', reason: 'dependency, build or VCS folder' },
      { path: 'web/node_modules/', reason: 'dependency, build or VCS folder' },
    ]);
    expect(files.label).toBe('acme/shop@aaaaaaa');
    expect(github.lines).toEqual([`GET /repos/acme/shop/git/trees/${head.sha}?recursive=1`]);
    expect(github.problems()).toEqual([]);
  });

  it('reads only the asked paths, all in one GraphQL query; oversized files are never fetched', async () => {
    mockTree(github, head);
    mockBlobQueries(github, [head]);
    const files = new GitHubFileSet(client, head);
    await files.list();

    const read = await files.read(['render.yaml', 'docs/logo.png', 'db/dump.sql', 'missing.txt']);

    expect(read.get('render.yaml')).toEqual({
      path: 'render.yaml',
      kind: 'text',
      text: head.files['render.yaml'],
      size: 38,
    });
    expect(read.get('docs/logo.png')).toEqual({ path: 'docs/logo.png', kind: 'binary', size: 2048 });
    expect(read.get('db/dump.sql')).toEqual({
      path: 'db/dump.sql',
      kind: 'too-large',
      size: 6 * 1024 * 1024,
    });
    expect(read.has('missing.txt')).toBe(false);
    const query = github.find('POST', '/graphql')[0]?.body as { variables: object };
    expect(blobsAskedIn(query)).toBe(2);
    expect(query.variables).toEqual({ owner: 'acme', name: 'shop' });
    expect(github.lines).toEqual([`GET /repos/acme/shop/git/trees/${head.sha}?recursive=1`, 'POST /graphql']);
    expect(github.problems()).toEqual([]);
  });

  it('asks for at most 100 blobs per query, so 250 files cost 3 queries, not 250 requests', async () => {
    const many: FakeCommit = {
      ...head,
      files: Object.fromEntries(
        Array.from({ length: 250 }, (_, i) => [`migrations/${i}/migration.sql`, `select ${i};`]),
      ),
    };
    mockTree(github, many);
    mockBlobQueries(github, [many], 3);
    const files = new GitHubFileSet(client, many);

    const read = await files.read(Object.keys(many.files));

    expect(read.size).toBe(250);
    expect(read.get('migrations/249/migration.sql')).toMatchObject({ kind: 'text', text: 'select 249;' });
    expect(github.find('POST', '/graphql').map((request) => blobsAskedIn(request.body))).toEqual([
      100, 100, 50,
    ]);
    expect(github.problems()).toEqual([]);
  });

  it('fetches a blob the base and head share only once when they share a cache', async () => {
    const base: FakeCommit = {
      ...head,
      sha: 'b'.repeat(40),
      files: {
        'render.yaml': head.files['render.yaml'] as string,
        'prisma/schema.prisma': 'model Old { id Int @id }\n',
      },
    };
    mockTree(github, head);
    mockTree(github, base);
    mockBlobQueries(github, [head, base], 2);
    const blobs: BlobCache = new Map();

    await new GitHubFileSet(client, head, { blobs }).read(['render.yaml', 'prisma/schema.prisma']);
    const baseRead = await new GitHubFileSet(client, base, { blobs }).read([
      'render.yaml',
      'prisma/schema.prisma',
    ]);

    expect(baseRead.get('prisma/schema.prisma')).toMatchObject({ text: 'model Old { id Int @id }\n' });
    expect(github.find('POST', '/graphql').map((request) => blobsAskedIn(request.body))).toEqual([2, 1]);
    expect(github.problems()).toEqual([]);
  });

  it('fetches a text GraphQL cut short through the REST blob endpoint', async () => {
    const long = 'x'.repeat(600_000);
    const commit: FakeCommit = { ...head, files: { 'seed.sql': long } };
    mockTree(github, commit);
    github.scope.post('/graphql').reply(200, {
      data: {
        repository: {
          b0: { text: long.slice(0, 1000), isBinary: false, isTruncated: true, byteSize: 600_000 },
        },
      },
    });
    github.scope.get(`/repos/acme/shop/git/blobs/${blobId(long)}`).reply(200, {
      sha: blobId(long),
      size: 600_000,
      encoding: 'base64',
      content: Buffer.from(long).toString('base64'),
    });

    const read = await new GitHubFileSet(client, commit).read(['seed.sql']);

    expect(read.get('seed.sql')).toMatchObject({ kind: 'text', size: 600_000 });
    expect((read.get('seed.sql') as { text: string }).text).toHaveLength(600_000);
    expect(github.problems()).toEqual([]);
  });

  it('falls back to the root and well-known folders when GitHub truncates the tree, and says so', async () => {
    const prismaTree = 'c'.repeat(40);
    github.scope
      .get(`/repos/acme/shop/git/trees/${head.sha}`)
      .query({ recursive: '1' })
      .reply(200, { sha: head.sha, truncated: true, tree: treeEntries({ 'apps/a/one.ts': 'x' }) });
    github.scope.get(`/repos/acme/shop/git/trees/${head.sha}`).reply(200, {
      sha: head.sha,
      truncated: false,
      tree: [
        ...treeEntries({ 'render.yaml': 'services: []\n' }),
        { path: 'prisma', mode: '040000', type: 'tree', sha: prismaTree },
        { path: 'apps', mode: '040000', type: 'tree', sha: 'd'.repeat(40) },
        { path: 'vendored', mode: '160000', type: 'commit', sha: 'e'.repeat(40) },
      ],
    });
    github.scope
      .get(`/repos/acme/shop/git/trees/${prismaTree}`)
      .query({ recursive: '1' })
      .reply(200, {
        sha: prismaTree,
        truncated: false,
        tree: treeEntries({ 'schema.prisma': 'model A { id Int @id }\n' }),
      });
    const files = new GitHubFileSet(client, head);

    const listed = (await files.list()).map((entry) => entry.path);

    expect(listed).toEqual(['apps/a/one.ts', 'prisma/schema.prisma', 'render.yaml']);
    expect(files.skipped()).toEqual([
      {
        path: '**',
        reason: expect.stringContaining('GitHub truncated the recursive file tree'),
      },
    ]);
    expect(files.skipped()[0]?.reason).toContain('prisma/');
    expect(github.lines).toEqual([
      `GET /repos/acme/shop/git/trees/${head.sha}?recursive=1`,
      `GET /repos/acme/shop/git/trees/${head.sha}`,
      `GET /repos/acme/shop/git/trees/${prismaTree}?recursive=1`,
    ]);
    expect(github.problems()).toEqual([]);
  });
});

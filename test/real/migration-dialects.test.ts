import { describe, expect, it } from 'vitest';
import { LocalFileSet } from '../../src/files/local-file-set.ts';
import { MemoryFileSet } from '../../src/files/memory-file-set.ts';
import { review } from '../../src/review/run-review.ts';

const fixture = (name: string) => new URL(`../fixtures/real/${name}/`, import.meta.url).pathname;
const entityName = (entity: string) => entity.replace(/^index:/, '').replace(/\.index:/, '.');
const summary = (result: Awaited<ReturnType<typeof review>>) =>
  result.findings
    .map((f) => `${f.ruleId} ${entityName(f.entity)} ${f.location.path.split('/').at(-1)}`)
    .sort();

describe('ory/kratos: one migrations folder holding a set per engine', () => {
  it('judges the PostgreSQL set (its own files and those that name no engine), once, with no diagnostic', async () => {
    const result = await review(new LocalFileSet(fixture('kratos-dialects')));
    expect(result.diagnostics).toEqual([]);
    // The MySQL and SQLite copies of the same tables add nothing; the legacy folder and popx's
    // test stubs are not migrations a deployment runs. Without --base the newest migration is
    // judged for locks: it alters a table an earlier migration created.
    const add =
      'migration:persistence/sql/migrations/sql/20260422000000000000_pending_traits_changes_add_session.up.sql';
    const file = '20260422000000000000_pending_traits_changes_add_session.up.sql';
    expect(summary(result)).toEqual([
      `index/foreign-key-without-not-valid ${add}:add-foreign-key:identity_pending_traits_changes_sessions_id_fk ${file}`,
      `index/foreign-key-without-not-valid ${add}:add-foreign-key:identity_pending_traits_changes_settings_flow_id_fk ${file}`,
      `index/non-concurrent-index ${add}:create-index:identity_pending_traits_changes_nid_origin_settings_flow_id_idx ${file}`,
      `index/non-concurrent-index ${add}:create-index:identity_pending_traits_changes_nid_session_id_idx ${file}`,
      'index/unindexed-foreign-key identity_pending_traits_changes.identity_id 20260408000000000000_create_pending_traits_changes.up.sql',
      'index/unindexed-foreign-key identity_pending_traits_changes.origin_settings_flow_id 20260422000000000000_pending_traits_changes_add_session.up.sql',
      'index/unindexed-foreign-key identity_pending_traits_changes.session_id 20260422000000000000_pending_traits_changes_add_session.up.sql',
      'index/unindexed-foreign-key identity_pending_traits_changes.verification_flow_id 20260408000000000000_create_pending_traits_changes.up.sql',
    ]);
    expect(result.migrations?.judgedFiles).toEqual([
      'persistence/sql/migrations/sql/20260422000000000000_pending_traits_changes_add_session.up.sql',
    ]);
  });

  it('replays a CockroachDB set with its engine when there is no PostgreSQL one', async () => {
    const create =
      'CREATE TABLE parents (id UUID PRIMARY KEY);\nCREATE TABLE children (id UUID PRIMARY KEY, parent_id UUID REFERENCES parents (id));\n';
    const result = await review(
      new MemoryFileSet({
        'migrations/1_init.cockroach.up.sql': create,
        'migrations/1_init.mysql.up.sql': create.replaceAll('UUID', 'CHAR(36)'),
      }),
    );
    expect(result.diagnostics).toEqual([]);
    expect(summary(result)).toEqual([]);
  });
});

describe('kestra: Flyway sets per engine, one module each', () => {
  it('replays the PostgreSQL folder only: no parser diagnostic for valid H2 and MySQL', async () => {
    const files = new LocalFileSet(fixture('kestra-engines'));
    // Compared with itself, every migration is on the base branch: history, not judged for locks.
    const result = await review(files, { migrationBase: files });
    expect(result.diagnostics).toEqual([]);
    expect(summary(result)).toEqual([
      'index/duplicate-index flow_topologies.flow_topologies_destination V1_10__multitenant_indices.sql',
      'index/duplicate-index flows.flows_namespace V1_10__multitenant_indices.sql',
      'index/duplicate-index logs.logs_execution_id V1_1__initial.sql',
      'index/duplicate-index templates.templates_namespace V1_10__multitenant_indices.sql',
    ]);
  });

  it('says once per folder that another engine’s migrations were not read when no PostgreSQL set exists', async () => {
    const files = new LocalFileSet(fixture('kestra-engines'));
    const paths = (await files.list()).map((e) => e.path).filter((p) => !p.startsWith('jdbc-postgres/'));
    const others: Record<string, string> = {};
    for (const content of (await files.read(paths)).values()) {
      if (content.kind === 'text') others[content.path] = content.text;
    }
    const result = await review(new MemoryFileSet(others));
    expect(summary(result)).toEqual([]);
    expect(result.diagnostics.map((d) => [d.severity, d.location.path, d.message])).toEqual([
      [
        'info',
        'jdbc-h2/src/main/resources/migrations/h2/V1_1__initial.sql',
        '2 H2 migration file(s) in jdbc-h2/src/main/resources/migrations/h2 were not replayed: Headroom reads PostgreSQL and CockroachDB migrations.',
      ],
      [
        'info',
        'jdbc-mysql/src/main/resources/migrations/mysql/V1_1__initial.sql',
        '2 MySQL migration file(s) in jdbc-mysql/src/main/resources/migrations/mysql were not replayed: Headroom reads PostgreSQL and CockroachDB migrations.',
      ],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { MemoryFileSet } from '../../src/files/memory-file-set.ts';
import { toAnnotations } from '../../src/reporters/annotations.ts';
import { renderJson } from '../../src/reporters/json.ts';
import { renderMarkdown } from '../../src/reporters/markdown.ts';
import { renderSarif } from '../../src/reporters/sarif.ts';
import { renderText } from '../../src/reporters/text.ts';
import { review } from '../../src/review/run-review.ts';
import { defineRule } from '../../src/rules/rule.ts';

/** A rule that quotes the connection it found, as a careless rule might. */
const quotesConnections = defineRule({
  meta: {
    id: 'pooling/quotes-connection',
    title: 'Quotes a connection',
    category: 'pooling',
    severity: { launch: 'error', growth: 'error', scale: 'error', enterprise: 'error' },
    summary: 'test',
    ramification: 'test',
    fix: 'test',
    examples: { bad: { path: '.env', text: '' }, good: { path: '.env', text: '' } },
  },
  check: (model) =>
    model.envFiles.flatMap((file) =>
      file.entries.map((entry) => ({
        entity: `env:${entry.key}`,
        message: `${entry.key} is ${entry.value.reveal()}`,
        location: entry.location,
        fix: {
          text: `replace ${entry.value.reveal()}`,
          replacement: `DATABASE_URL=${entry.value.reveal()}?pgbouncer=true`,
        },
      })),
    ),
});

describe('secrets never appear in any output', () => {
  it.each(['text', 'markdown', 'json', 'sarif', 'annotations'] as const)('%s', async (format) => {
    const result = await review(
      new MemoryFileSet({
        '.env': 'DATABASE_URL=postgresql://user:s3cretPass@host/db\n',
        // A line PostgreSQL rejects, quoting a key-value connection string in its error.
        'migrations/001.sql': "SELECT dblink_connect('host=db password=s3cretPass dbname=x') FROM;\n",
        // A config key pasted by mistake: the diagnostic quotes it.
        '.github/headroom.yml': 'tier: growth\npostgresql://user:s3cretPass@host/db: 1\n',
      }),
      { rules: [quotesConnections] },
    );
    expect(result.findings).toHaveLength(1);
    expect(result.diagnostics.map((d) => d.location.path)).toEqual(
      expect.arrayContaining(['.github/headroom.yml', 'migrations/001.sql']),
    );
    const output = {
      text: renderText,
      json: renderJson,
      sarif: renderSarif,
      markdown: (r: typeof result) => renderMarkdown(r, { context: 'comment' }),
      annotations: (r: typeof result) => JSON.stringify(toAnnotations(r)),
    }[format](result);
    expect(output).toContain('postgresql://user:****@host/db');
    expect(output).not.toContain('s3cretPass');
  });

  it.each(['json', 'sarif'] as const)(
    '%s stays valid JSON when a value ends in `PASSWORD=`',
    async (format) => {
      // env/undeclared-variable's fix is `KEY=` for each key: masking serialised text once took the
      // closing quote of `"REDIS_PASSWORD="` for the start of a quoted password.
      const endsInAssignment = defineRule({
        ...quotesConnections,
        meta: { ...quotesConnections.meta, id: 'env/ends-in-assignment' },
        check: (model) =>
          model.envFiles.map((file) => ({
            entity: 'env:REDIS_PASSWORD',
            message: 'Read and not declared: REDIS_PASSWORD=',
            location: { path: file.path, line: 1 },
            fix: { text: 'Declare it.', replacement: 'REDIS_PASSWORD=' },
          })),
      });
      const result = await review(
        new MemoryFileSet({ '.env': 'DATABASE_URL=postgresql://user:s3cretPass@host/db\n' }),
        {
          rules: [quotesConnections, endsInAssignment],
        },
      );
      const output = (format === 'json' ? renderJson : renderSarif)(result);
      expect(() => JSON.parse(output)).not.toThrow();
      expect(output).toContain('REDIS_PASSWORD=');
      expect(output).not.toContain('s3cretPass');
    },
  );
});

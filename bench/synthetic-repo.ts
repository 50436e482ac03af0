import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A synthetic project of `size` models: a Prisma schema with `size` related models, `size`
 * migrations (with functions, indexes added and dropped later), a render.yaml and env files.
 * Every third relation is left unindexed so the rules have work to report.
 */
export function syntheticRepo(size: number): Record<string, string> {
  const files: Record<string, string> = {};
  const models: string[] = [
    'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n',
  ];
  for (let i = 0; i < size; i++) {
    const parent = i === 0 ? undefined : `Model${Math.floor(i / 2)}`;
    models.push(
      [
        `/// Model number ${i}`,
        `model Model${i} {`,
        '  id        Int      @id @default(autoincrement())',
        '  name      String   @db.VarChar(255)',
        '  createdAt DateTime @default(now()) @map("created_at")',
        ...(parent
          ? [`  parent   ${parent} @relation(fields: [parentId], references: [id])`, '  parentId Int']
          : []),
        ...children(i, size).map((child) => `  children${child} Model${child}[]`),
        ...(parent && i % 3 !== 0 ? ['  @@index([parentId])'] : []),
        `  @@map("model_${i}")`,
        '}',
        '',
      ].join('\n'),
    );
    const migration = [
      `CREATE TABLE model_${i} (id SERIAL PRIMARY KEY, name VARCHAR(255) NOT NULL, created_at TIMESTAMPTZ DEFAULT now()${
        parent ? `, parent_id INT REFERENCES model_${Math.floor(i / 2)} (id)` : ''
      });`,
      `CREATE INDEX model_${i}_created_idx ON model_${i} (created_at);`,
      `CREATE FUNCTION touch_${i}() RETURNS trigger AS $$ BEGIN NEW.created_at := now(); RETURN NEW; END; $$ LANGUAGE plpgsql;`,
      i > 0 ? `DROP INDEX model_${i - 1}_created_idx;` : '',
      parent && i % 3 !== 0
        ? `CREATE INDEX CONCURRENTLY model_${i}_parent_idx ON model_${i} (parent_id);`
        : '',
    ].join('\n');
    files[`db/migrations/${String(i).padStart(6, '0')}_model_${i}.up.sql`] = `${migration}\n`;
  }
  files['prisma/schema.prisma'] = models.join('\n');
  files['render.yaml'] = [
    'services:',
    ...Array.from({ length: Math.max(1, Math.floor(size / 100)) }, (_, i) =>
      [
        `  - type: web`,
        `    name: api-${i}`,
        '    runtime: node',
        '    plan: starter',
        '    startCommand: node server.js',
        '    envVars:',
        '      - key: DATABASE_URL',
        '        fromDatabase: { name: db, property: connectionString }',
      ].join('\n'),
    ),
    'databases:',
    '  - name: db',
    '    plan: basic-1gb',
    '',
  ].join('\n');
  files['.env.example'] = 'DATABASE_URL=postgresql://app:secret@localhost:5432/app\n';
  files['package.json'] = JSON.stringify(
    { name: 'synthetic', dependencies: { '@prisma/client': '6.1.0' } },
    null,
    2,
  );
  return files;
}

function children(i: number, size: number): number[] {
  return [2 * i, 2 * i + 1].filter((child) => child > 0 && child < size);
}

export async function writeRepo(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

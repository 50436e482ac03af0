import type { MigrationTool } from '../../model/project-model.ts';

/** Where a migration file sits: its tool, its replay group, and its sort key within it. */
export interface MigrationPlace {
  tool: MigrationTool;
  directory: string;
  /** Compared with `compareOrder`; repeatable Flyway scripts sort after every versioned one. */
  order: string;
  transactional: boolean;
}

const MIGRATION_DIRS = new Set(['migrations', 'migration', 'drizzle', 'migrate']);

/**
 * Recognises the common layouts by path alone (platform-facts §3.3). Down migrations, Flyway
 * undo scripts and anything outside a migrations folder are not replayed.
 */
export function migrationPlace(path: string): MigrationPlace | undefined {
  if (!path.toLowerCase().endsWith('.sql')) return undefined;
  const parts = path.split('/');
  const file = parts.at(-1) as string;
  const parent = parts.at(-2);
  const grandparent = parts.at(-3);
  const dir = (n: number) => parts.slice(0, parts.length - n).join('/');

  // `<dir>/<timestamp>_<name>/migration.sql`: Prisma under `migrations/`, Drizzle Kit v1 elsewhere.
  if (file === 'migration.sql' && parent && grandparent) {
    const tool = grandparent === 'migrations' ? 'prisma' : 'drizzle';
    return { tool, directory: dir(2), order: parent, transactional: tool === 'prisma' };
  }
  // Hasura: `migrations/<database>/<timestamp>_<name>/up.sql`.
  if (file === 'up.sql' && parent && parts.includes('migrations')) {
    return { tool: 'plain', directory: dir(2), order: parent, transactional: false };
  }
  if (file === 'down.sql' || file.endsWith('.down.sql')) return undefined;
  if (file.endsWith('.up.sql'))
    return { tool: 'golang-migrate', directory: dir(1), order: file, transactional: false };

  const flyway = /^([VR])([0-9._]*)__.+\.sql$/i.exec(file);
  if (flyway) {
    const repeatable = flyway[1]?.toUpperCase() === 'R';
    const version = (flyway[2] ?? '').replaceAll('_', '.');
    return {
      tool: 'flyway',
      directory: dir(1),
      order: repeatable ? `~${file}` : version,
      transactional: false,
    };
  }
  if (/^U[0-9]/.test(file)) return undefined;

  if (parent === 'migrations' && grandparent === 'supabase') {
    return { tool: 'supabase', directory: dir(1), order: file, transactional: false };
  }
  const inMigrationsDir = parts.slice(0, -1).some((part) => MIGRATION_DIRS.has(part.toLowerCase()));
  if (!inMigrationsDir) return undefined;
  const drizzle = parts.some((part) => part.toLowerCase().includes('drizzle'));
  const tool: MigrationTool = drizzle ? 'drizzle' : parent === 'migrations' ? 'node-pg-migrate' : 'plain';
  return { tool, directory: dir(1), order: file, transactional: false };
}

/** Numeric-aware: `2_x` before `10_x`, `1.10` after `1.9`; the tools' own ordering. */
export function compareOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

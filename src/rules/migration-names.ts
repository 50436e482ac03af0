import type { MigrationFile } from '../model/project-model.ts';

/** A migration's entity prefix: its directory's file name is what developers recognise. */
export function migrationEntity(file: MigrationFile, what: string): string {
  return `migration:${file.path}:${what}`;
}

/** What to tell a Prisma user: the migration runs as one transaction, so split it out. */
export const PRISMA_CONCURRENTLY_ADVICE =
  'Prisma sends a migration.sql with several statements as one transaction, where CONCURRENTLY is refused (error 25001): create an empty migration with `prisma migrate dev --create-only`, put the CONCURRENTLY statement alone in it, and apply it with `prisma migrate deploy` (Prisma 7.4+ also splits such files itself).';

import { prismaSource } from './prisma/index.ts';
import type { Source } from './source.ts';
import { sqlSource } from './sql/index.ts';

/** Every source, in the order their fragments are merged. Adding a platform = one line here. */
export const allSources: Source[] = [prismaSource, sqlSource];

import { envSource } from './env/index.ts';
import { manifestsSource } from './manifests/index.ts';
import { prismaSource } from './prisma/index.ts';
import { renderSource } from './render/index.ts';
import type { Source } from './source.ts';
import { sqlSource } from './sql/index.ts';

/** Every source, in the order their fragments are merged. Adding a platform = one line here. */
export const allSources: Source[] = [renderSource, envSource, manifestsSource, prismaSource, sqlSource];

import type { Source } from './source.ts';

/** Every source, in the order their fragments are merged. Adding a platform = one line here. */
export const allSources: Source[] = [];

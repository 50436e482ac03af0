import { lazyModule } from './lazy-module.ts';

/** Babel's parser, for TypeScript and JavaScript: about a quarter of the CLI's code, loaded when a file needs it. */
const babel = lazyModule('Babel', () => import('@babel/parser'));

export const loadBabel = babel.load;

export const parseWithBabel: typeof import('@babel/parser').parse = (text, options) =>
  babel.get().parse(text, options);

import { codeSource } from './code/index.ts';
import { dockerComposeSource } from './docker-compose/index.ts';
import { dockerfileSource } from './dockerfile/index.ts';
import { envSource } from './env/index.ts';
import { flySource } from './fly/index.ts';
import { gunicornSource } from './gunicorn/index.ts';
import { herokuSource } from './heroku/index.ts';
import { manifestsSource } from './manifests/index.ts';
import { netlifySource } from './netlify/index.ts';
import { prismaSource } from './prisma/index.ts';
import { railwaySource } from './railway/index.ts';
import { renderSource } from './render/index.ts';
import { rubySource } from './ruby/index.ts';
import type { Source } from './source.ts';
import { sqlSource } from './sql/index.ts';
import { uwsgiSource } from './uwsgi/index.ts';
import { vercelSource } from './vercel/index.ts';

/** Every source, in the order their fragments are merged. Adding a platform = one line here. */
export const allSources: Source[] = [
  renderSource,
  flySource,
  railwaySource,
  vercelSource,
  netlifySource,
  herokuSource,
  dockerComposeSource,
  envSource,
  manifestsSource,
  rubySource,
  gunicornSource,
  uwsgiSource,
  dockerfileSource,
  prismaSource,
  sqlSource,
  codeSource,
];

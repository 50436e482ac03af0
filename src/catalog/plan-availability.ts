import { fact } from './fact.ts';

const CHECKED = '2026-11-24';
const BLUEPRINT_SPEC = 'https://render.com/docs/blueprint-spec';
const FREE = 'https://render.com/docs/free';

/**
 * What a Render plan allows beyond its RAM and CPU (which plan serves which service type lives
 * with the plans in render.ts). platform-facts §1.5, §1.7, §1.11.
 */
export const RENDER_FREE_MAX_INSTANCES = fact(
  1,
  FREE,
  CHECKED,
  'Free web services run a single instance: no manual or automatic scaling.',
);

/** A service with a persistent disk runs one instance: no `numInstances > 1`, no autoscaling. */
export const RENDER_DISK_MAX_INSTANCES = fact(1, BLUEPRINT_SPEC, CHECKED);

/** `preDeployCommand` runs only on paid web services, private services and workers. */
export const RENDER_PRE_DEPLOY_NEEDS_PAID_PLAN = fact(true, BLUEPRINT_SPEC, CHECKED);

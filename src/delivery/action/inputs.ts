import * as core from '@actions/core';
import { SEVERITIES, type Severity, TIERS, type Tier } from '../../rules/rule.ts';

export interface ActionInputs {
  token: string;
  configPath?: string;
  tier?: Tier;
  failOn?: Severity | 'never';
  comment: boolean;
  sarifFile?: string;
  workingDirectory: string;
}

/** Reads and checks the inputs of action.yml; a bad value fails the step with the input's name. */
export function readInputs(): ActionInputs {
  const tier = core.getInput('tier');
  const failOn = core.getInput('fail-on');
  const configPath = core.getInput('config');
  const sarifFile = core.getInput('sarif-file');
  return {
    token: core.getInput('github-token'),
    ...(configPath ? { configPath } : {}),
    ...(tier ? { tier: oneOf('tier', tier, TIERS) } : {}),
    ...(failOn ? { failOn: oneOf('fail-on', failOn, [...SEVERITIES, 'never'] as const) } : {}),
    comment: (core.getInput('comment') || 'true').toLowerCase() !== 'false',
    ...(sarifFile ? { sarifFile } : {}),
    workingDirectory: normalizeDirectory(core.getInput('working-directory') || '.'),
  };
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`Input ${name} must be one of ${allowed.join(', ')}; got "${value}".`);
}

/** `./apps/api/` → `apps/api`; `.` → ''. */
function normalizeDirectory(dir: string): string {
  return dir.replace(/^\.\/?/, '').replace(/\/+$/, '');
}

import { parseArgs } from 'node:util';
import { SEVERITIES, type Severity, TIERS, type Tier } from '../../rules/rule.ts';

export const FORMATS = ['text', 'markdown', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliArguments {
  directory: string;
  format: Format;
  config?: string;
  /** A git revision to compare with: findings split into new and existing, as on a pull request. */
  base?: string;
  tier?: Tier;
  failOn?: Severity | 'never';
  output?: string;
  timings: boolean;
  help: boolean;
  version: boolean;
}

export const HELP = `Usage: headroom [directory] [options]

Reviews a repository's scaling readiness: indexes, connection pooling, caching, hosting plans.

Options:
  --format <text|markdown|json|sarif>  output format (default: text)
  --config <file>                      config file (default: <directory>/.github/headroom.yml)
  --base <ref>                         compare with a revision of the directory's git repository
                                       (e.g. main): findings are new or existing, and migrations
                                       already in <ref> are not judged again (default: the newest
                                       migration of each folder is judged)
  --tier <launch|growth|scale|enterprise>
                                       target tier; overrides the config
  --fail-on <error|warning|note|never> lowest severity that fails; overrides the config
  --output <file>                      write the report to a file instead of stdout
  --timings                            print the time of each phase and the peak memory to stderr
  -h, --help                           show this help
  -v, --version                        show the version

Exit status: 0 the gate passed, 1 the gate failed, 2 usage or fatal error.
`;

export class UsageError extends Error {}

/** Parses argv strictly: an unknown flag or a bad value is a usage error with a clear message. */
export function parseCliArguments(argv: readonly string[]): CliArguments {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1)
    throw new UsageError(`expected one directory, got ${positionals.length}: ${positionals.join(' ')}`);
  return {
    directory: positionals[0] ?? '.',
    format: oneOf('--format', values.format ?? 'text', FORMATS),
    ...(values.config ? { config: values.config } : {}),
    ...(values.base ? { base: values.base } : {}),
    ...(values.tier ? { tier: oneOf('--tier', values.tier, TIERS) } : {}),
    ...(values['fail-on']
      ? { failOn: oneOf('--fail-on', values['fail-on'], [...SEVERITIES, 'never'] as const) }
      : {}),
    ...(values.output ? { output: values.output } : {}),
    timings: values.timings ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string' },
      config: { type: 'string' },
      base: { type: 'string' },
      tier: { type: 'string' },
      'fail-on': { type: 'string' },
      output: { type: 'string', short: 'o' },
      timings: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}; got "${value}"`);
}

import { inTestFolder } from '../../src/files/test-folders.ts';
import { isLocalHost } from '../../src/model/connection-url.ts';
import type { EnvEntry } from '../../src/model/project-model.ts';
import { defineRule, type RuleFinding } from '../../src/rules/rule.ts';

/** Values that are obviously not real credentials. */
const PLACEHOLDER =
  /^(|x+|\*+|changeme|change-me|change_me|secret|password|example|test|todo|dummy|placeholder|null|none|your[-_ ].*|<.*>|\[.*\]|\$\{.*\}|\$[A-Z_]+|.*(xxx|your[-_]|replace|example).*)$/i;
const SECRET_KEY = /(SECRET|TOKEN|PASSWORD|PASSWD|PRIVATE|API_?KEY|ACCESS_?KEY|CREDENTIAL|DSN|AUTH)/i;

/** Shapes of well-known credentials (prefixes published by their issuers). */
const KNOWN_SHAPES: Array<[string, RegExp]> = [
  ['a Stripe live key', /^(sk|rk)_live_[0-9a-zA-Z]{16,}$/],
  ['a GitHub token', /^(ghp|gho|ghu|ghs|ghr|github_pat)_[0-9A-Za-z_]{20,}$/],
  ['an AWS access key id', /^(AKIA|ASIA)[0-9A-Z]{16}$/],
  ['a Slack token', /^xox[abprs]-[0-9A-Za-z-]{10,}$/],
  ['a Discord bot token', /^[MNO][A-Za-z\d_-]{23,25}\.[A-Za-z\d_-]{6}\.[A-Za-z\d_-]{27,38}$/],
  ['an OpenAI key', /^sk-(proj-)?[A-Za-z0-9_-]{20,}$/],
  ['a Groq key', /^gsk_[A-Za-z0-9]{20,}$/],
];

export default defineRule({
  meta: {
    id: 'env/committed-secret',
    title: 'Real credentials in a committed env file',
    category: 'env',
    severity: { launch: 'error', growth: 'error', scale: 'error', enterprise: 'error' },
    summary: 'A committed `.env` (not a template) holds what looks like a real password, token or key.',
    ramification:
      'Everyone with read access — and, for a public repository, everyone — can use the database and the APIs, and the value stays in git history after it is removed from the file. Bots scan public repositories for such keys within minutes.',
    fix: 'Rotate the credential now, remove the file from git (`git rm --cached .env`, add it to `.gitignore`), keep only placeholders in `.env.example`, and set real values in the host’s dashboard or secret store.',
    examples: {
      bad: { path: '.env', text: 'DATABASE_URL=postgresql://app:Zr8uQe4mKx2pLw9s@db.internal:5432/app\n' },
      good: { path: '.env.example', text: 'DATABASE_URL=postgresql://app:change-me@localhost:5432/app\n' },
    },
  },
  check(model) {
    const findings: RuleFinding[] = [];
    for (const file of model.envFiles.filter((f) => f.kind === 'real' && !isTestEnvFile(f.path))) {
      for (const entry of file.entries) {
        const why = realCredential(entry);
        if (!why) continue;
        findings.push({
          entity: `env:${file.path}:${entry.key}`,
          message: `${file.path} commits ${entry.key} with ${why} (${entry.masked}); anyone who can read the repository can use it.`,
          location: entry.location,
          fix: { text: 'Rotate it, remove the file from git, and keep a placeholder in .env.example.' },
        });
      }
    }
    return findings;
  },
});

/** Why the value looks real, or undefined for placeholders and harmless settings. */
function realCredential(entry: EnvEntry): string | undefined {
  const value = entry.value.reveal().trim();
  const password = entry.url?.password?.reveal();
  if (entry.url)
    return password && !PLACEHOLDER.test(password) && !isLocalHost(entry.url.host)
      ? 'a connection string with a real-looking password'
      : undefined;
  if (PLACEHOLDER.test(value)) return undefined;
  const shape = KNOWN_SHAPES.find(([, pattern]) => pattern.test(value));
  if (shape) return shape[0];
  return SECRET_KEY.test(entry.key) && value.length >= 16 && entropy(value) >= 3.5
    ? 'a high-entropy secret'
    : undefined;
}

/** Shannon entropy in bits per character: random keys score above 3.5, words below. */
function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  return [...counts.values()].reduce((sum, n) => sum - (n / text.length) * Math.log2(n / text.length), 0);
}

/**
 * `.env.test`, `.env.ci`, `.env.e2e` and env files under test folders configure test runs: their
 * values are the dummies the tests expect, and no deployment reads them.
 */
function isTestEnvFile(path: string): boolean {
  const name = (path.split('/').at(-1) ?? '').toLowerCase().split('.');
  return name.some((part) => TEST_ENV_PARTS.has(part)) || inTestFolder(path);
}

const TEST_ENV_PARTS = new Set(['test', 'testing', 'ci', 'e2e', 'spec']);

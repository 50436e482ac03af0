import { describe, expect, it } from 'vitest';
import workersExceedMemory from '../../rules/plan/workers-exceed-memory.ts';
import { parseConfig, tierForUsers } from '../../src/review/config.ts';

const PATH = '.github/headroom.yml';
const RULES = ['index/unindexed-foreign-key', 'index/missing-primary-key', 'pooling/connection-budget'];

function parse(text: string) {
  const { config, diagnostics } = parseConfig(text, PATH, RULES);
  return { config, problems: diagnostics.map((d) => ({ line: d.location.line, message: d.message })) };
}

describe('.github/headroom.yml', () => {
  it('reads every setting of a complete file', () => {
    const { config, problems } = parse(
      [
        'tier: scale',
        'failOn: warning',
        'gateOn: all',
        'rules:',
        '  index/missing-primary-key: off',
        '  pooling/connection-budget:',
        '    severity: error',
        '    options: { headroomPercent: 20 }',
        'ignore: ["examples/**"]',
        'acknowledgements:',
        '  forbid: [index/unindexed-foreign-key]',
        'capacity:',
        '  memoryPerProcessMb: 300',
        '  services:',
        '    api: { processes: 4, poolSize: 5 }',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(config).toEqual({
      tier: 'scale',
      failOn: 'warning',
      gateOn: 'all',
      rules: {
        'index/missing-primary-key': { severity: 'off' },
        'pooling/connection-budget': { severity: 'error', options: { headroomPercent: 20 } },
      },
      ignore: ['examples/**'],
      forbidAcknowledge: ['index/unindexed-foreign-key'],
      capacity: { memoryPerProcessMb: 300, services: { api: { processes: 4, poolSize: 5 } } },
    });
  });

  it('maps expected users to a tier at the roadmap thresholds', () => {
    expect([999, 1000, 9999, 10_000, 99_999, 100_000].map(tierForUsers)).toEqual([
      'launch',
      'growth',
      'growth',
      'scale',
      'scale',
      'enterprise',
    ]);
    expect(parse('expectedUsers: 25000\n').config.tier).toBe('scale');
  });

  it('refuses tier and expectedUsers together, at the expectedUsers line, keeping the tier', () => {
    const { config, problems } = parse('tier: launch\nfailOn: note\nexpectedUsers: 50000\n');
    expect(problems).toEqual([
      { line: 3, message: expect.stringContaining('either `tier` or `expectedUsers`') },
    ]);
    expect(config).toMatchObject({ tier: 'launch', failOn: 'note' });
  });

  it('reports an unknown rule id at its line, with a suggestion, and applies the other rules', () => {
    const { config, problems } = parse(
      '# our settings\nrules:\n  index/missing-primary-key: warning\n  index/unindexed-foreign-keys: off\n',
    );
    expect(problems).toEqual([
      {
        line: 4,
        message: `${PATH}: unknown rule \`index/unindexed-foreign-keys\` (did you mean \`index/unindexed-foreign-key\`?).`,
      },
    ]);
    expect(config.rules).toEqual({ 'index/missing-primary-key': { severity: 'warning' } });
  });

  it('reports each unknown rule in acknowledgements.forbid at its list item, keeping the others', () => {
    const { config, problems } = parse(
      'acknowledgements:\n  forbid:\n    - caching/no-shared-cache\n    - index/missing-primary-key\n    - caching/in-memory\n    - pooling/connection-budget\n',
    );
    expect(problems).toMatchObject([
      { line: 3, message: expect.stringContaining('unknown rule `caching/no-shared-cache`') },
      { line: 5, message: expect.stringContaining('unknown rule `caching/in-memory`') },
    ]);
    expect(config.forbidAcknowledge).toEqual(['index/missing-primary-key', 'pooling/connection-budget']);
  });

  describe("a rule's options, checked against the rule's own schema", () => {
    const MEMORY = workersExceedMemory.meta.id;
    const options = new Map([
      [MEMORY, workersExceedMemory.options as NonNullable<typeof workersExceedMemory.options>],
    ]);
    const withOptions = (text: string) => {
      const { config, diagnostics } = parseConfig(text, PATH, [...RULES, MEMORY], options);
      return { config, problems: diagnostics.map((d) => ({ line: d.location.line, message: d.message })) };
    };

    it('says which option is out of range, at its line, and runs the rule with its default', () => {
      const { config, problems } = withOptions(
        `rules:\n  ${MEMORY}:\n    severity: warning\n    options:\n      headroomPercent: 95\n`,
      );
      expect(problems).toEqual([
        {
          line: 5,
          message: `${PATH}: \`rules.${MEMORY}.options.headroomPercent\`: Too big: expected number to be <=90`,
        },
      ]);
      expect(config.rules[MEMORY]).toEqual({ severity: 'warning', options: {} });
    });

    it('names a misspelt option with the one it resembles', () => {
      const { problems } = withOptions(`rules:\n  ${MEMORY}:\n    options:\n      headroomPercnt: 20\n`);
      expect(problems).toEqual([
        {
          line: 4,
          message: `${PATH}: unknown key \`headroomPercnt\` in \`rules.${MEMORY}.options\` (did you mean \`headroomPercent\`?); allowed: headroomPercent.`,
        },
      ]);
    });

    it('keeps options the rule accepts', () => {
      const { config, problems } = withOptions(
        `rules:\n  ${MEMORY}:\n    options:\n      headroomPercent: 25\n`,
      );
      expect(problems).toEqual([]);
      expect(config.rules[MEMORY]).toEqual({ options: { headroomPercent: 25 } });
    });
  });

  it('reports each unknown key once, at its line, with the keys that are allowed there', () => {
    const { config, problems } = parse('tier: scale\nfailon: warning\ncolour: blue\n');
    expect(problems).toEqual([
      {
        line: 2,
        message: expect.stringContaining('unknown key `failon` in the file (did you mean `failOn`?)'),
      },
      { line: 3, message: expect.stringContaining('unknown key `colour` in the file; allowed: tier,') },
    ]);
    expect(config.tier).toBe('scale');
  });

  it('is strict in nested sections too', () => {
    const { config, problems } = parse(
      'capacity:\n  services:\n    api:\n      proceses: 3\n      poolSize: 5\nrules:\n  index/missing-primary-key:\n    severty: note\n',
    );
    expect(problems).toEqual([
      {
        line: 4,
        message: expect.stringContaining(
          'unknown key `proceses` in `capacity.services.api` (did you mean `processes`?)',
        ),
      },
      {
        line: 8,
        message: expect.stringContaining('unknown key `severty` in `rules.index/missing-primary-key`'),
      },
    ]);
    expect(config.capacity.services.api).toEqual({ poolSize: 5 });
  });

  it('says what a rule setting may be when the value is wrong', () => {
    const { problems } = parse('tier: growth\nrules:\n  index/missing-primary-key: fatal\n');
    expect(problems).toEqual([
      {
        line: 3,
        message: `${PATH}: \`rules.index/missing-primary-key\` must be one of error, warning, note, off, or a map with \`severity\`, \`options\`.`,
      },
    ]);
  });

  it('falls back to the default for a wrong value and keeps the right ones', () => {
    const { config, problems } = parse('tier: huge\nfailOn: warning\ngateOn: everything\n');
    expect(problems.map((p) => p.line)).toEqual([1, 3]);
    expect(config).toMatchObject({ tier: 'growth', failOn: 'warning', gateOn: 'new' });
  });

  it('reads a section left empty as absent, not as an error', () => {
    const { config, problems } = parse('tier: scale\nrules:\n  # index/missing-primary-key: off\nignore:\n');
    expect(problems).toEqual([]);
    expect(config).toMatchObject({ tier: 'scale', rules: {}, ignore: [] });
  });

  it('reports a YAML syntax error at its line and uses the defaults', () => {
    const unclosed = parse('tier: scale\nignore:\n  - "examples/**\n');
    expect(unclosed.problems).toEqual([{ line: 3, message: expect.stringContaining('Invalid YAML') }]);
    expect(unclosed.config.tier).toBe('growth');
    const tabs = parse('tier: scale\nrules:\n\tindex/missing-primary-key: off\n');
    expect(tabs.problems).toMatchObject([{ line: 3 }]);
  });

  it('reports a file that is not a map', () => {
    expect(parse('- tier: scale\n').problems).toEqual([
      { line: 1, message: expect.stringContaining('expected object, received array') },
    ]);
    expect(parse('').problems).toEqual([]);
  });

  it('reports an alias used before its anchor at the alias, instead of crashing', () => {
    const { config, problems } = parse('tier: scale\nfailOn: *level\nlevel: &level warning\n');
    expect(problems).toEqual([
      {
        line: 2,
        message: `Invalid YAML in ${PATH}: Unresolved alias (the anchor must be set before the alias): level`,
      },
    ]);
    expect(config.tier).toBe('growth');
  });

  it('stops an alias bomb with a diagnostic', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(', ')}]`,
      );
    const started = performance.now();
    const { problems } = parse(`${lines.join('\n')}\ntier: scale\n`);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(problems).toEqual([{ line: 1, message: expect.stringContaining('Invalid YAML') }]);
  });
});

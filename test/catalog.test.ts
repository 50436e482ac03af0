import { describe, expect, it } from 'vitest';
import { ALL_FACTS } from '../src/catalog/index.ts';

describe('the platform catalog', () => {
  it.each(Object.entries(ALL_FACTS))('%s has a source and the date it was checked', (_name, fact) => {
    expect(fact.source).toMatch(/^(https:\/\/\S+|[\w.-]+\/[\w.-]+:\S+)$/);
    expect(fact.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(fact.value).not.toBeUndefined();
  });
});

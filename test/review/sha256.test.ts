import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/review/fingerprint.ts';
import { sha256Hex } from '../../src/review/sha256.ts';

const nodeSha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('sha256Hex', () => {
  it('gives the FIPS 180-4 digests of the standard test messages', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with node:crypto at every padding boundary and on multi-byte text', () => {
    const texts = [55, 56, 57, 63, 64, 65, 119, 120, 128, 1000].map((n) => 'x'.repeat(n));
    texts.push(
      'index/unindexed-foreign-key\u0000public.TaskRun(projectId)',
      'é—🚀\u0000ünïcode',
      'a'.repeat(70_000),
    );
    for (const text of texts) expect(sha256Hex(text), `${text.length} characters`).toBe(nodeSha256(text));
  });
});

describe('fingerprint', () => {
  it('is the first 16 hex digits of the SHA-256 of rule id and entity, as it always was', () => {
    expect(fingerprint('index/unindexed-foreign-key', 'public.Post(authorId)')).toBe(
      nodeSha256('index/unindexed-foreign-key\u0000public.Post(authorId)').slice(0, 16),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { stepHash, stepOfHash } from './step-hash';
import { stepIds } from './steps';

describe('step addresses', () => {
  it('gives every step its own address and reads it back', () => {
    const hashes = stepIds.map(stepHash);
    expect(new Set(hashes).size).toBe(stepIds.length);
    expect(stepHash('value')).toBe('#/guide/varde');
    for (const step of stepIds) expect(stepOfHash(stepHash(step))).toBe(step);
    expect(stepOfHash('#/guide/varde/')).toBe('value');
  });

  it('names no step for the start page, other pages or an unknown slug', () => {
    for (const hash of ['', '#/', '#/register', '#/guide', '#/guide/okand', '#/workshop/guide/varde']) expect(stepOfHash(hash)).toBeNull();
  });
});

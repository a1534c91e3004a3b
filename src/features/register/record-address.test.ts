import { describe, expect, it } from 'vitest';
import { routeOf } from '../../app/use-hash-route';
import { recordHash, recordOfHash } from './record-address';

describe('record addresses', () => {
  it('gives a saved record its own address inside the register', () => {
    expect(recordHash(4)).toBe('#/register/beslut/4');
    expect(recordOfHash('#/register/beslut/4')).toBe(4);
    expect(routeOf(recordHash(4))).toBe('register');
  });

  it('names no record for the list or a malformed number', () => {
    for (const hash of ['#/register', '#/register/beslut/', '#/register/beslut/0', '#/register/beslut/4x', '#/register/beslut/-1']) expect(recordOfHash(hash)).toBeNull();
  });
});

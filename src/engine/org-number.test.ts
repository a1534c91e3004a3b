import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answersSchema } from './answers-schema';
import { isOrgNumber, luhnValid, orgNumberProblem } from './org-number';

describe('the supplier’s organisation number', () => {
  it('accepts a well-formed number with or without the hyphen or the 16 prefix', () => {
    for (const v of ['556012-5790', '5560125790', '16556012-5790', ' 802002-4280 ']) expect(isOrgNumber(v), v).toBe(true);
  });

  it('names the problem in Swedish: the form, or the check digit', () => {
    expect(orgNumberProblem('55601-25790')?.sv).toMatch(/tio siffror/);
    expect(orgNumberProblem('556012-5791')?.sv).toMatch(/kontrollsiffran/);
  });

  it('catches every single mistyped digit (the Luhn check’s promise)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (position, delta) => {
        const digits = '5560125790'.split('').map(Number);
        digits[position] = (digits[position]! + delta) % 10;
        return !luhnValid(digits.join(''));
      }),
    );
  });

  it('is an optional answer the answers schema checks', () => {
    const base = { organisation: 'motala', decisionDate: '2026-11-01' };
    expect(answersSchema.safeParse({ ...base, supplier: { orgNumber: '556012-5790' } }).success).toBe(true);
    expect(answersSchema.safeParse({ ...base, supplier: {} }).success).toBe(true);
    const bad = answersSchema.safeParse({ ...base, supplier: { orgNumber: '556012-5791' } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['supplier', 'orgNumber']);
  });
});

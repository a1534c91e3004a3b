import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The command-line contract other tools rely on: `npm run --silent recommend -- FILE`.
const dir = mkdtempSync(join(tmpdir(), 'vagval-cli-'));
const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');

function recommend(fileContent: string | null, args?: string[]) {
  const file = join(dir, `answers-${Math.random().toString(36).slice(2)}.json`);
  if (fileContent !== null) writeFileSync(file, fileContent);
  const result = spawnSync(tsx, ['src/cli/recommend.ts', ...(args ?? [file])], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each case spawns tsx, which takes seconds on a loaded machine.
describe('npm run recommend -- FILE', { timeout: 60_000 }, () => {
  it('prints the recommendation as JSON on stdout for valid answers', () => {
    const { code, stdout, stderr } = recommend(
      JSON.stringify({
        organisation: 'ljungby',
        decisionDate: '2026-11-22',
        purchase: { kind: 'goods' },
        value: { totalSek: 150000 },
        supplier: { kind: 'any' },
      }),
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const outcome = JSON.parse(stdout);
    expect(outcome.rulesetVersion).toMatch(/^\d{4}\.\d{2}\.\d+$/);
    expect(outcome.decisionDate).toBe('2026-11-22');
    expect(outcome.organisation).toBe('ljungby');
    expect(outcome.routes.map((r: { route: string }) => r.route)).toEqual(['direct-award', 'social-considerations', 'reserved-contract', 'iop']);
    expect(outcome.recommendation.route).toBe('direct-award');
    const direct = outcome.routes[0];
    expect(direct.verdict).toBe('recommended');
    expect(direct.reasons[0].source.text.length).toBeGreaterThan(0);
    expect(direct.obligations.map((o: { ruleId: string }) => o.ruleId)).toContain('direct-award.documentation');
  });

  it('names every bad field on stderr and exits 1, without a stack trace', () => {
    const { code, stdout, stderr } = recommend(
      JSON.stringify({ organisation: 'stockholm', decisionDate: '2026-02-30', value: { totalSek: -5 }, colour: 'red' }),
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('organisation:');
    expect(stderr).toContain('decisionDate:');
    expect(stderr).toContain('value.totalSek:');
    expect(stderr).toContain('colour: is not a known answer');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a decision date before the rule set covers, naming decisionDate', () => {
    const { code, stderr } = recommend(JSON.stringify({ organisation: 'other', decisionDate: '2010-01-01' }));
    expect(code).toBe(1);
    expect(stderr).toMatch(/decisionDate: .*before 2018-01-01/);
  });

  it('refuses a decision date after the rule set covers, naming the range', () => {
    for (const decisionDate of ['2031-06-01', '9999-12-31']) {
      const { code, stderr, stdout } = recommend(JSON.stringify({ organisation: 'other', decisionDate, purchase: { kind: 'goods' }, value: { totalSek: 200000 } }));
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toContain(`decisionDate: decisionDate ${decisionDate} is after 2030-12-31`);
      expect(stderr).toContain('covers decisions from 2018-01-01 to 2030-12-31');
    }
  });

  it('judges a seed organisation named by its SCB code as itself, under its own policy', () => {
    const { code, stdout } = recommend(JSON.stringify({ organisation: 'kommun-0583', decisionDate: '2026-09-14', purchase: { kind: 'goods' }, value: { totalSek: 150000 } }));
    expect(code).toBe(0);
    const outcome = JSON.parse(stdout) as { organisation: string; policyNotes: Array<{ id: string }> };
    expect(outcome.organisation).toBe('motala');
    expect(outcome.policyNotes.map((n) => n.id)).toContain('overlay.motala.strengthen');
  });

  it('says that a file is not JSON, with exit 2', () => {
    const { code, stderr } = recommend('{ "organisation": ');
    expect(code).toBe(2);
    expect(stderr).toMatch(/is not valid JSON/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('says that a file does not exist, with exit 2', () => {
    const { code, stderr } = recommend(null, [join(dir, 'missing.json')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/cannot read .*missing\.json: no such file/);
  });

  it('accepts a CPV code alone and derives the kind of purchase and its list memberships, quoting the list heading', () => {
    const { code, stdout, stderr } = recommend(JSON.stringify({ organisation: 'other', decisionDate: '2026-03-02', purchase: { cpvCode: '85311100-3' }, value: { totalSek: 5000000 } }));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const outcome = JSON.parse(stdout);
    expect(outcome.cpv.kind).toBe('services');
    const lists = Object.fromEntries(outcome.cpv.memberships.map((m: { list: string; value: boolean | null; listedAs: { sv: string } | null }) => [m.list, m]));
    expect(lists['annex-2'].value).toBe(true);
    expect(lists['reservation-19-25'].value).toBe(true);
    // A range is quoted with the labels of both its ends, never one label joined from both.
    expect(lists['reservation-19-25'].listedAs.sv).toBe('85000000-9 "Hälso- och sjukvård samt socialvård" till och med 85323000-9 "Kommunal hälso- och sjukvård"');
    // A bilaga 2 service below the bilaga 2 threshold: the code alone decides the direct award.
    expect(outcome.recommendation.route).toBe('direct-award');
  });

  it('accepts authorityKind: a state agency buying goods for 2 MSEK meets the central threshold', () => {
    const { code, stdout } = recommend(JSON.stringify({ organisation: 'other', authorityKind: 'state', decisionDate: '2025-03-03', purchase: { kind: 'goods' }, value: { totalSek: 2000000 }, supplier: { kind: 'any' } }));
    expect(code).toBe(0);
    const social = JSON.parse(stdout).routes[1];
    expect(social.obligations.map((o: { ruleId: string }) => o.ruleId)).toContain('social-considerations.above-threshold');
    expect(recommend(JSON.stringify({ organisation: 'other', authorityKind: 'federal', decisionDate: '2025-03-03' })).stderr).toContain('authorityKind:');
  });

  it('points out an answer that contradicts the CPV code, keeps the answer and still exits 0', () => {
    const { code, stdout, stderr } = recommend(JSON.stringify({ organisation: 'other', decisionDate: '2026-03-02', purchase: { cpvCode: '90910000-9', kind: 'services', welfareReservationCode: true } }));
    expect(code).toBe(0);
    expect(stderr).toContain('warning: purchase.welfareReservationCode');
    const conflicts = JSON.parse(stdout).cpv.conflicts;
    expect(conflicts).toEqual([expect.objectContaining({ field: 'purchase.welfareReservationCode', answered: true, derived: false })]);
  });

  it('refuses a malformed CPV code, an unknown division or a wrong check digit of a listed code, naming purchase.cpvCode with exit 1', () => {
    for (const cpvCode of ['853110', '13311100-3', '85000000-4']) {
      const { code, stdout, stderr } = recommend(JSON.stringify({ organisation: 'other', decisionDate: '2026-03-02', purchase: { cpvCode } }));
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^error: invalid answers in .*\n {2}purchase\.cpvCode: /);
      expect(stderr).not.toContain('    at ');
    }
  });

  it('prints its usage without a file, with exit 2', () => {
    const { code, stderr } = recommend(null, []);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^usage: npm run --silent recommend -- FILE/);
  });
});

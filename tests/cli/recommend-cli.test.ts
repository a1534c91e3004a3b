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

describe('npm run recommend -- FILE', () => {
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

  it('prints its usage without a file, with exit 2', () => {
    const { code, stderr } = recommend(null, []);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^usage: npm run --silent recommend -- FILE/);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeRuleset } from '../../src/rules-data/node-ruleset';
import { RegisterService } from '../../src/server/register-service';
import { SqliteDecisionStore } from '../../src/server/store/sqlite-store';
import { saveRequest } from '../server/fixtures';

// The path by which a policy owner checks and previews their organisation's layer (rules/README.md, "Layers").
const dir = mkdtempSync(join(tmpdir(), 'vagval-layer-'));
const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const published = readFileSync('rules/layers/lunds-universitet.yaml', 'utf8');

function layer(command: string, text: string | null, extra: string[] = []) {
  const file = join(dir, `layer-${Math.random().toString(36).slice(2)}.yaml`);
  if (text !== null) writeFileSync(file, text);
  const result = spawnSync(tsx, ['src/cli/layer.ts', command, file, ...extra], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, file };
}

describe('npm run layer -- check FILE', { timeout: 60_000 }, () => {
  it('says in Swedish that a valid layer loads, whom it binds and that it changes no verdict', () => {
    const { code, stdout } = layer('check', published);
    expect(code).toBe(0);
    expect(stdout).toMatch(/är giltig: "Lunds universitets riktlinjer för direktupphandling", version 2022-02-01/);
    expect(stdout).toMatch(/Gäller för: Lunds universitet\./);
    expect(stdout).toMatch(/Inget i den ändrar lagens bedömning/);
  });

  it('refuses a band above the legal direct-award limit, naming the owner\'s file and the field, in Swedish', () => {
    const { code, stdout, file } = layer('check', published.replace('toSek: 700000', 'toSek: 800000'));
    expect(code).toBe(1);
    expect(stdout).toContain(`${file}, fält bands.1.toSek: 800 000 kr är över lagens direktupphandlingsgräns, 700 000 kr från 2022-02-01 (LOU 19 a kap.)`);
  });

  it('names each missing or misspelt field in words a non-programmer understands', () => {
    const { code, stdout } = layer('check', 'id: lunds-universitet\nname: { sv: X, en: X }\nkind: riktlinje\nowner: X\nappliesTo: { buyers: [kommun-0999] }\nversion: 2026-13-01\nvalidFrom: 2026-01-01\ndocuments: [lu-direktupphandling]\nsummary: { sv: X, en: X }\nband: []\n');
    expect(code).toBe(1);
    expect(stdout).toMatch(/fält version: ska vara ett datum skrivet ÅÅÅÅ-MM-DD/);
    expect(stdout).toMatch(/har ett fält som inte finns i formatet: "band" \(stavfel\?\)/);
  });

  it('refuses a file over 1 MB before reading it, naming its size and the limit in Swedish', () => {
    const { code, stdout, file } = layer('check', `${published}\n${'# fyllnad\n'.repeat(2_400_000)}`);
    expect(code).toBe(1);
    expect(stdout).toContain(`${file} är 22,9 MB; en riktlinjefil får vara högst 1 MB.`);
    expect(stdout).toContain('Filen lästes inte.');
  });

  it('says so when the file is not YAML, and exits 2 when there is no file', () => {
    expect(layer('check', 'id: [unclosed\n').stdout).toMatch(/inte giltig YAML/);
    expect(layer('check', null).code).toBe(2);
  });
});

describe('npm run layer -- preview FILE', { timeout: 60_000 }, () => {
  const data = mkdtempSync(join(tmpdir(), 'vagval-layer-data-'));

  beforeAll(async () => {
    // Two saved decisions for Lunds universitet, saved before the layer was changed.
    const store = new SqliteDecisionStore(join(data, 'register.sqlite'));
    const service = new RegisterService(store, nodeRuleset);
    const by = { user: 'upphandlare', role: 'procurer' as const, organisations: ['*' as const] };
    for (const totalSek of [50000, 300000]) {
      const answers = { organisation: 'myndighet-lunds-universitet' as const, decisionDate: '2026-11-20', purchase: { kind: 'goods' as const, annex2Service: false }, value: { totalSek }, supplier: { kind: 'any' as const } };
      await service.save(saveRequest(answers), by);
    }
    await store.close();
  });

  it("shows what a changed band would add to the workshop scenarios and the organisation's saved decisions", () => {
    const changed = published.replace('ska minst tre leverantörer tillfrågas och den som bäst', 'ska minst två leverantörer tillfrågas och den som bäst');
    const { code, stdout } = layer('preview', changed, ['--data', data]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Förhandsgranskning av "Lunds universitets riktlinjer för direktupphandling"/);
    expect(stdout).toMatch(/Sparade beslut i registret för dessa organisationer: 2\./);
    expect(stdout).toMatch(/Beslut nr 1 \(2026-11-20\):\n {4}\+ Direktupphandling: .*minst två leverantörer/);
    expect(stdout).toMatch(/− Direktupphandling: .*minst tre leverantörer/);
    expect(stdout).toMatch(/1 av 2 skulle visa nya noter/);
  });

  it('says when there is no register to preview against', () => {
    expect(layer('preview', published, ['--data', join(dir, 'none')]).stdout).toMatch(/inget beslutsregister i/);
  });
});

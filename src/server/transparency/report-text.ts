import type { CheckId, VerificationReport } from '../../shared/transparency';

const checkNames: Record<CheckId, string> = {
  'content-hash': 'Innehållets kontrollsumma',
  'chain-link': 'Kedjans länkar',
  'index-columns': 'Sökfälten',
  inclusion: 'Med i transparensloggen (inklusion)',
  'checkpoint-signature': 'Kontrollpunkternas signatur',
  consistency: 'Konsistens mellan kontrollpunkter',
  'ruleset-hash': 'Regelverkens kontrollsumma',
  're-evaluation': 'Ny bedömning ger samma utfall',
  'append-only-guards': 'Skydden mot ändring och radering',
};

const statusNames = { passed: 'GODKÄND', failed: 'UNDERKÄND', 'not-run': 'ej körd' } as const;

/** The verification report as plain text in Swedish, to print or file with an audit. */
export function verificationReportText(r: VerificationReport, verifierKey: string): string {
  const lines = [
    'KONTROLLRAPPORT – Vägvals beslutsregister',
    '',
    `Resultat:       ${r.ok ? 'GODKÄND – registret är oförändrat och en ren utökning av sina kontrollpunkter' : 'UNDERKÄND – se nedan'}`,
    `Kontroll:       ${r.mode === 'full' ? 'fullständig (alla poster)' : 'stegvis (poster sedan förra godkända kontrollen)'}`,
    `Körd:           ${r.startedAt} – ${r.finishedAt} (${(r.durationMs / 1000).toFixed(1)} s)`,
    `Poster kontrollerade: ${r.checked} av ${r.treeSize} i loggen (servern svarade andra under tiden; längsta sammanhängande arbete ${r.longestSliceMs} ms)`,
    `Kedjans sista kontrollsumma: ${r.headHash}`,
    `Registrets publika nyckel: ${verifierKey}`,
    ...(r.fromCheckpoint ? [`Började från kontrollpunkt: ${r.fromCheckpoint.treeSize} poster, ${r.fromCheckpoint.time}`] : []),
    '',
    'Kontrollpunkt som nåddes (spara den; nästa revision kan visa att registret bara har växt sedan):',
    ...(r.reached ? r.reached.note.trimEnd().split('\n').map((l) => `    ${l}`) : ['    ingen']),
    '',
    'Vad som kontrollerades:',
    ...r.checks.map((c) => `  [${statusNames[c.status]}] ${checkNames[c.id]}: ${c.checked} kontrollerade, ${c.failed} fel – ${c.detail}`),
  ];
  if (r.against) {
    lines.push('', `Mot ${r.against.kind === 'receipt' ? 'kvitto' : 'kontrollpunkt'} från revisorn: ${r.against.extension ? 'JA, registret är en ren utökning av den' : 'NEJ'}`);
    for (const reason of r.against.reasons) lines.push(`  – ${reason.sv}`);
  }
  if (r.logProblems.length > 0) {
    lines.push('', 'Fel i loggen:');
    for (const p of r.logProblems) lines.push(`  – ${p.detail}${p.recordId ? ` (från post ${p.recordId})` : ''}`);
  }
  if (r.failedCount > 0) {
    lines.push('', `Poster som inte klarar kontrollen: ${r.failedCount}${r.failedCount > r.failures.length ? ` (de första ${r.failures.length} visas)` : ''}`);
    for (const f of r.failures) lines.push(`  Post ${f.id}: ${f.problems.map((p) => `${p.kind}: ${p.detail}`).join('; ')}`);
  }
  if (r.notes.length > 0) lines.push('', 'Noteringar:', ...r.notes.map((n) => `  – ${n}`));
  lines.push('', `Rapport-id: ${r.runId}`);
  return `${lines.join('\n')}\n`;
}

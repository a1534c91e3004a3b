import type { RulesetData } from './ruleset';

type Dated = { validTo?: string | null | undefined; id: string };

/** The parameter ids an item reads: in its conditions (`param:`) and its texts (`{param:…}`). */
function paramsRead(item: unknown): string[] {
  const json = JSON.stringify(item);
  return [...json.matchAll(/"param":"([^"]+)"|\{param:([^}]+)\}/g)].map((m) => (m[1] ?? m[2])!);
}

/**
 * The decision dates the rule set can judge: from the manifest's coversFrom to the day before a
 * parameter stops being known while something still in force reads it (the de minimis ceiling is
 * set only until 2030-12-31). A parameter whose rules end with it, such as the welfare-service limit
 * abolished in 2022, does not end the cover.
 */
export function coveredDates(ruleset: Pick<RulesetData, 'manifest' | 'parameters' | 'routes' | 'overlays' | 'layers'>): { from: string; to: string | null } {
  const readers: Dated[] = [
    ...Object.values(ruleset.routes).flatMap((r) => r.rules),
    ...Object.values(ruleset.overlays ?? {}).flatMap((o) => o?.notes ?? []),
    ...Object.values(ruleset.layers ?? {}).flatMap((l) => [...l.notes, ...l.bands]),
    ...ruleset.manifest.recommendation,
  ];
  let to: string | null = null;
  for (const reader of readers) {
    for (const id of paramsRead(reader)) {
      const end = ruleset.parameters[id]?.validTo;
      if (!end) continue;
      const readerEnd = reader.validTo ?? null;
      if (readerEnd !== null && readerEnd <= end) continue;
      if (to === null || end < to) to = end;
    }
  }
  return { from: ruleset.manifest.coversFrom, to };
}

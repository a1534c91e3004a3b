import { findBuyer } from './buyers';
import type { Band, LayerFile } from './layer-schema';
import type { Ruleset } from './ruleset';
import type { Condition, Localized, OverlayFile, OverlayNote } from './ruleset-schema';

/**
 * A layer as the engine applies it: a buyer's own document over the law, with the notes and internal bands
 * it adds. Shared layers (a joint riktlinje, a region's plan for the län's kommuner) come before the
 * buyer's own, which sits on top; the law (rules/routes/) is below them all and no layer changes a verdict.
 */
export type AppliedLayer = {
  id: string;
  name: Localized;
  owner: string;
  version: string;
  shared: boolean;
  notes: OverlayNote[];
  bands: Band[];
};

/** What a decision record keeps of each layer it was made under. */
export type LayerUse = { id: string; name: Localized; owner: string; version: string; shared: boolean };

const isActive = (from: string, to: string | null, date: string) => from <= date && (to === null || date <= to);

// The layers that bind each buyer, worked out once per rule set and buyer; the date only filters them, so the
// cache stays one entry a buyer however many decision dates a replay or an impact analysis walks.
type Candidate = { layer: AppliedLayer; validFrom: string; validTo: string | null };
const perRuleset = new WeakMap<Ruleset, Map<string, Candidate[]>>();

/** The layers that bind a buyer on a date, shared ones first and the buyer's own last. */
export function layersFor(ruleset: Ruleset, organisation: string, date: string): AppliedLayer[] {
  let byBuyer = perRuleset.get(ruleset);
  if (!byBuyer) perRuleset.set(ruleset, (byBuyer = new Map()));
  let candidates = byBuyer.get(organisation);
  if (!candidates) {
    candidates = bindingLayers(ruleset, organisation);
    byBuyer.set(organisation, candidates);
  }
  return candidates.filter((c) => isActive(c.validFrom, c.validTo, date)).map((c) => c.layer);
}

function bindingLayers(ruleset: Ruleset, organisation: string): Candidate[] {
  const buyer = findBuyer(ruleset, organisation);
  const own: Candidate[] = [];
  const shared: Candidate[] = [];
  for (const file of Object.values(ruleset.layers ?? {})) {
    // A seed organisation is named by its own id (ljungby) or by its code (kommun-0781).
    const byCode = buyer?.code ? `${buyer.kind}-${buyer.code}` : null;
    const named = file.appliesTo.buyers?.some((b) => b === organisation || b === byCode) ?? false;
    const inLan = buyer?.kind === 'kommun' && buyer.lan !== null && (file.appliesTo.lanKommuner?.includes(buyer.lan.code) ?? false);
    if (!named && !inLan) continue;
    const isShared = inLan || (file.appliesTo.buyers?.length ?? 0) > 1;
    (isShared ? shared : own).push({ layer: fromLayerFile(file, isShared), validFrom: file.validFrom, validTo: file.validTo });
  }
  // A rule set stored before 2026.12.3 holds the seed organisations' policies as overlays. An overlay has no dates
  // of its own (its notes carry them), so it binds on every date.
  const overlay = buyer?.overlay ? ruleset.overlays?.[buyer.overlay] : undefined;
  if (overlay && (overlay.documents.length > 0 || overlay.notes.length > 0)) {
    own.push({ layer: fromOverlay(ruleset, overlay), validFrom: '0000-01-01', validTo: null });
  }
  const byId = (a: Candidate, b: Candidate) => a.layer.id.localeCompare(b.layer.id);
  return [...shared.sort(byId), ...own.sort(byId)];
}

function fromLayerFile(file: LayerFile, shared: boolean): AppliedLayer {
  return { id: file.id, name: file.name, owner: file.owner, version: file.version, shared, notes: file.notes, bands: file.bands };
}

/**
 * A policy stored as an overlay (rule sets before 2026.12.3) is its organisation's own layer, named by its documents;
 * rules/layers/<organisation>.yaml now carries the same id, name, owner and version, so a replay sees no change.
 */
function fromOverlay(ruleset: Ruleset, overlay: OverlayFile): AppliedLayer {
  const docs = overlay.documents.map((d) => ruleset.sources[d]!);
  const title = docs.map((d) => d.title).join(', ');
  const name = title ? `${overlay.name}: ${title}` : overlay.name;
  const version = docs.map((d) => d.validFrom ?? d.adopted ?? '').filter(Boolean).sort().at(-1) ?? overlay.notes.map((n) => n.validFrom).sort()[0] ?? '';
  return {
    id: overlay.organisation,
    name: { sv: name, en: name },
    owner: overlay.name,
    version,
    shared: false,
    notes: overlay.notes,
    bands: [],
  };
}

/** The condition under which a band applies: its amounts and kinds of purchase, and anything it adds. */
export function bandCondition(band: Band): Condition | undefined {
  const parts: Condition[] = [];
  if (band.fromSek !== undefined) parts.push({ fact: 'value.totalSek', op: 'gte', value: band.fromSek });
  if (band.toSek !== undefined) parts.push({ fact: 'value.totalSek', op: 'lt', value: band.toSek });
  if (band.purchaseKinds) parts.push({ fact: 'purchase.kind', op: 'in', value: band.purchaseKinds });
  if (band.appliesWhen) parts.push(band.appliesWhen);
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : { all: parts };
}

export const layerUse = (layer: AppliedLayer): LayerUse => ({
  id: layer.id,
  name: layer.name,
  owner: layer.owner,
  version: layer.version,
  shared: layer.shared,
});

/** Every note and band id a rule set can show, from its layers (and a stored rule set's overlays), for the rule cases' checks. */
export function policyNoteIds(ruleset: Pick<Ruleset, 'overlays' | 'layers'>): string[] {
  return [
    ...Object.values(ruleset.overlays ?? {}).flatMap((o) => o?.notes.map((n) => n.id) ?? []),
    ...Object.values(ruleset.layers ?? {}).flatMap((l) => [...l.notes.map((n) => n.id), ...l.bands.map((b) => b.id)]),
  ];
}

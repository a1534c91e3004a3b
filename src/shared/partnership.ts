import type { RouteId } from '../engine/answers-schema';
import type { Verdict } from '../engine/ruleset-terms';

/**
 * An idéburet offentligt partnerskap is outside LOU, and so no purchase, only where it meets the
 * criteria the engine checks: an IOP must not amount to an otillåten direktupphandling (UHM
 * Frågeportalen, "Går det att ingå ett gemensamt IOP?", 2021; law brief 5.3: Alingsås' IOP with
 * Bräcke diakoni was held to be a public service contract). An IOP chosen where the engine judged
 * it not allowed or short of answers is a purchase under another name (Motala's per-visitor
 * payment): it is counted as one, and shown as a deviation.
 */
export const isGenuineIop = (route: RouteId, chosenVerdict: Verdict) => route === 'iop' && (chosenVerdict === 'allowed' || chosenVerdict === 'recommended');

/** A route chosen against the engine's verdict on it. */
export const choseAgainstVerdict = (chosenVerdict: Verdict) => chosenVerdict === 'not-allowed' || chosenVerdict === 'needs-info';

export type FigureKind = 'purchase' | 'partnership';
export const figureKind = (route: RouteId, chosenVerdict: Verdict): FigureKind => (isGenuineIop(route, chosenVerdict) ? 'partnership' : 'purchase');

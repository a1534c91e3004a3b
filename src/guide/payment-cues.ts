// Where the description of the purchase points at the IOP payment question.

/** Words in a description of the purchase that speak of payment per unit or against invoice: a purchase, not a grant. */
const paymentCuePatterns: ReadonlyArray<RegExp> = [/per besökare/i, /per timme/i, /per plats/i, /per deltagare/i, /faktur\w*/i, /ersättning per \p{L}+/iu];

/** The cues found in the description, as written there, in the order they appear; one inside another counts once. */
export function paymentCues(description: string | undefined): string[] {
  if (!description) return [];
  const found: Array<{ at: number; text: string }> = [];
  for (const pattern of paymentCuePatterns) {
    const m = pattern.exec(description);
    if (m) found.push({ at: m.index, text: m[0] });
  }
  found.sort((a, b) => a.at - b.at || b.text.length - a.text.length);
  let end = -1;
  const cues: string[] = [];
  for (const f of found) {
    if (f.at < end) continue;
    cues.push(f.text);
    end = f.at + f.text.length;
  }
  return cues;
}

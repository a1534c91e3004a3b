import { draftSchema, type Draft } from './draft';

export const draftStorageKey = 'vagval.wizard.draft.v1';

/** The draft saved in this browser, or null if there is none or it no longer fits the format. */
export function loadDraft(storage: Pick<Storage, 'getItem'> = localStorage): Draft | null {
  try {
    const text = storage.getItem(draftStorageKey);
    if (!text) return null;
    const parsed = draftSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveDraft(draft: Draft, storage: Pick<Storage, 'setItem'> = localStorage): void {
  try {
    storage.setItem(draftStorageKey, JSON.stringify(draft));
  } catch {
    // Storage full or blocked (private mode): the draft lives for this visit and can still be exported.
  }
}

export function clearDraft(storage: Pick<Storage, 'removeItem'> = localStorage): void {
  try {
    storage.removeItem(draftStorageKey);
  } catch {
    // Nothing saved to clear.
  }
}

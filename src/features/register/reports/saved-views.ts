/** Report views an auditor saved by name: each is an address, kept in this browser's storage. */
export type SavedView = { name: string; hash: string };
const key = 'vagval.register.savedReportViews';

export function readSavedViews(): SavedView[] {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown;
    return Array.isArray(value) ? value.filter((v): v is SavedView => typeof v?.name === 'string' && typeof v?.hash === 'string' && v.hash.startsWith('#/register/rapport')) : [];
  } catch {
    return [];
  }
}

export function writeSavedViews(views: SavedView[]): void {
  try {
    localStorage.setItem(key, JSON.stringify(views));
  } catch {
    // Private mode: the views last for this page only.
  }
}

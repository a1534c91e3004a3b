// Component tests opt into jsdom per file; the DOM matchers only make sense there.
if (typeof window !== 'undefined') {
  await import('@testing-library/jest-dom/vitest');
}
export {};

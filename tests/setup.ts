// Component tests opt into jsdom per file; the DOM matchers only make sense there.
if (typeof window !== 'undefined') {
  await import('@testing-library/jest-dom/vitest');
  // findBy* waits 1 s by default, which a loaded 2-core machine (CI, or tests beside a build) can overrun
  // while the first render still imports; 5 s keeps the tests about behaviour, not about the machine's load.
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 5000 });
}
export {};

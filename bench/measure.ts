/** Runs `fn` once to warm up, then again and again for at least `minMs`, and prints the time per run. */
export function measure(label: string, fn: () => void, minMs = 1000): void {
  fn();
  let iterations = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    fn();
    iterations += 1;
  }
  const ms = performance.now() - start;
  console.log(`${label}: ${((ms / iterations) * 1000).toFixed(1)} µs each (${iterations} runs in ${ms.toFixed(0)} ms)`);
}

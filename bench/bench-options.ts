/**
 * Options of `npm run bench -- [names] [--records N]`. `--records` sets how many records the
 * register bench seeds (issue 12 aims at 1,000,000; CI may use fewer).
 */
export function recordsOption(fallback: number, argv: readonly string[] = process.argv.slice(2)): number {
  const at = argv.findIndex((a) => a === '--records' || a.startsWith('--records='));
  if (at < 0) return fallback;
  const text = argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1];
  const value = Number(text?.replace(/[_,]/g, ''));
  if (!Number.isInteger(value) || value < 1) throw new Error(`--records must be a whole number of records, not "${text ?? ''}"`);
  return value;
}

/** The bench names on the command line, without the options and their values. */
export function benchNames(argv: readonly string[] = process.argv.slice(2)): string[] {
  return argv.filter((a, i) => !a.startsWith('--') && !(argv[i - 1] === '--records'));
}

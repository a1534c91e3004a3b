import { benchVerify } from '/work/wt/transparency/bench/register-verify';
import { seedRecords } from '/work/wt/transparency/bench/register.bench';
import { tempDir } from '/work/wt/transparency/tests/server/fixtures';
const d = tempDir('tv-bench-');
try { await benchVerify(d.path, Number(process.argv[2] ?? 20000), seedRecords); } finally { d.remove(); }

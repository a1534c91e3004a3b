import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// The PDF tests read the decision document back with Debian's pdftotext (poppler-utils). CI starts from a fresh machine.
const pdftotext = '/usr/bin/pdftotext';

if (existsSync(pdftotext)) {
  console.log(`ensure-poppler: ${pdftotext} is installed; nothing to do.`);
} else {
  console.log(`ensure-poppler: ${pdftotext} is missing; installing Debian's poppler-utils with apt-get.`);
  execSync('apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends poppler-utils', { stdio: 'inherit', shell: '/bin/sh' });
  if (!existsSync(pdftotext)) {
    console.error(`ensure-poppler: apt-get finished but ${pdftotext} is still missing.`);
    process.exit(1);
  }
  console.log(`ensure-poppler: installed ${pdftotext}.`);
}

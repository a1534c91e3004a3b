import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// The browser tests drive Debian's chromium (never a downloaded browser). CI starts from a fresh machine.
const chromium = '/usr/bin/chromium';

if (existsSync(chromium)) {
  console.log(`ensure-chromium: ${chromium} is installed; nothing to do.`);
} else {
  console.log(`ensure-chromium: ${chromium} is missing; installing Debian's chromium with apt-get.`);
  execSync('apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium', { stdio: 'inherit', shell: '/bin/sh' });
  if (!existsSync(chromium)) {
    console.error(`ensure-chromium: apt-get finished but ${chromium} is still missing.`);
    process.exit(1);
  }
  console.log(`ensure-chromium: installed ${chromium}.`);
}

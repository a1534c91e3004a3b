import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BackupRefused } from './backup-refused';

/**
 * PostgreSQL's own programs for a backup (pg_dump, pg_restore): the newest of Debian's server
 * packages under /usr/lib/postgresql when there, else whatever the PATH finds (a client package,
 * another system's install). pg_dump reads a snapshot the way the server itself does, which no
 * copy of files or rows made by hand can.
 */
export function postgresTool(name: 'pg_dump' | 'pg_restore'): string {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', name))).sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(base, versions[0], 'bin', name);
  }
  return name;
}

/** Runs one of them; refuses with its own words (in Swedish and English around them) when it fails. */
export function runPostgresTool(name: 'pg_dump' | 'pg_restore', args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(postgresTool(name), args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(new BackupRefused(error.code === 'ENOENT' ? `${name} finns inte på datorn (Debian: paketet postgresql-client) / ${name} is not installed (Debian: package postgresql-client)` : `${name}: ${error.message}`)),
    );
    child.on('close', (code) => (code === 0 ? resolve() : reject(new BackupRefused(`${name} misslyckades / failed (${code}): ${stderr.trim()}`))));
  });
}

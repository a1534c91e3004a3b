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

/**
 * A database URL for the command line of pg_dump or pg_restore, without its password, which goes in the
 * environment instead (PGPASSWORD): any user of the computer can read a process's arguments.
 */
export function connectionFor(url: string): { dbname: string; env: Record<string, string> } {
  const parsed = new URL(url);
  const password = parsed.password || parsed.searchParams.get('password') || '';
  parsed.password = '';
  parsed.searchParams.delete('password');
  return { dbname: parsed.href, env: password ? { PGPASSWORD: decodeURIComponent(password) } : {} };
}

/** Where a URL points, for a message: without its password. */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    if (parsed.searchParams.has('password')) parsed.searchParams.set('password', '***');
    return parsed.href;
  } catch {
    return '(the database URL)';
  }
}

/** Runs one of them against `url`; refuses with its own words (in Swedish and English around them) when it fails. */
export function runPostgresTool(name: 'pg_dump' | 'pg_restore', args: string[], url: string): Promise<void> {
  const { dbname, env } = connectionFor(url);
  return new Promise((resolve, reject) => {
    const child = spawn(postgresTool(name), [...args, `--dbname=${dbname}`], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(new BackupRefused(error.code === 'ENOENT' ? `${name} finns inte på datorn (Debian: paketet postgresql-client) / ${name} is not installed (Debian: package postgresql-client)` : `${name}: ${error.message}`)),
    );
    child.on('close', (code) => (code === 0 ? resolve() : reject(new BackupRefused(`${name} misslyckades / failed (${code}): ${stderr.trim()}`))));
  });
}

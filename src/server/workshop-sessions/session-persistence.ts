import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/** How a session ended, for the phones that come back to it: by the trainer, or after hours without activity. */
export type EndedBy = 'trainer' | 'idle';

export type StoredSeat = { token: string; client: string | null; answer: string | null; answers: number };
export type StoredSession = {
  code: string;
  /** The SHA-256 of the trainer token: the file alone does not let anyone reveal or end a session. */
  trainerTokenHash: string;
  scenarioId: string;
  title: { sv: string; en: string };
  phase: 'open' | 'revealed';
  lastActivity: number;
  seats: StoredSeat[];
};

/**
 * Where the workshop's sessions outlive the server process: a laptop that sleeps or restarts mid-session comes back
 * with its sessions, seats and answers. Written through on every change; what a session held is deleted when it
 * ends, and only the fact that it ended (who ended it, when) is kept for a day so that a phone is told the truth.
 */
export interface SessionPersistence {
  load(): StoredSession[];
  saveSession(session: Omit<StoredSession, 'seats'>): void;
  saveSeat(code: string, seat: StoredSeat): void;
  end(code: string, by: EndedBy, at: number): void;
  ended(code: string): { by: EndedBy; at: number } | null;
  close(): void;
}

/** Nothing kept: a restart loses every session, and the screens say so. */
export const memoryPersistence = (): SessionPersistence => {
  const ended = new Map<string, { by: EndedBy; at: number }>();
  return {
    load: () => [],
    saveSession: () => {},
    saveSeat: () => {},
    end: (code, by, at) => void ended.set(code, { by, at }),
    ended: (code) => ended.get(code) ?? null,
    close: () => {},
  };
};

const endedKeptMs = 24 * 60 * 60 * 1000;

/** The sessions in a SQLite file of their own beside the register's (better-sqlite3, WAL, one transaction per change). */
export function sqlitePersistence(file: string, now: () => number = Date.now): SessionPersistence {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS workshop_sessions (
      code TEXT PRIMARY KEY, trainer_token_hash TEXT NOT NULL, scenario_id TEXT NOT NULL, title TEXT NOT NULL,
      phase TEXT NOT NULL CHECK (phase IN ('open', 'revealed')), last_activity INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS workshop_seats (
      code TEXT NOT NULL REFERENCES workshop_sessions(code) ON DELETE CASCADE, token TEXT NOT NULL, client TEXT,
      answer TEXT, answers INTEGER NOT NULL, PRIMARY KEY (code, token));
    CREATE TABLE IF NOT EXISTS workshop_ended (code TEXT PRIMARY KEY, ended_by TEXT NOT NULL, at INTEGER NOT NULL);
  `);
  db.pragma('foreign_keys = ON');
  const upsertSession = db.prepare(
    `INSERT INTO workshop_sessions (code, trainer_token_hash, scenario_id, title, phase, last_activity) VALUES (@code, @trainerTokenHash, @scenarioId, @title, @phase, @lastActivity)
     ON CONFLICT (code) DO UPDATE SET phase = excluded.phase, last_activity = excluded.last_activity`,
  );
  const upsertSeat = db.prepare(
    `INSERT INTO workshop_seats (code, token, client, answer, answers) VALUES (@code, @token, @client, @answer, @answers)
     ON CONFLICT (code, token) DO UPDATE SET answer = excluded.answer, answers = excluded.answers`,
  );
  const touch = db.prepare('UPDATE workshop_sessions SET last_activity = ? WHERE code = ?');
  const removeSession = db.prepare('DELETE FROM workshop_sessions WHERE code = ?');
  const removeSeats = db.prepare('DELETE FROM workshop_seats WHERE code = ?');
  const markEnded = db.prepare('INSERT OR REPLACE INTO workshop_ended (code, ended_by, at) VALUES (?, ?, ?)');
  const findEnded = db.prepare<[string], { ended_by: EndedBy; at: number }>('SELECT ended_by, at FROM workshop_ended WHERE code = ?');
  const forgetEnded = db.prepare('DELETE FROM workshop_ended WHERE at < ?');
  const allSessions = db.prepare<[], { code: string; trainer_token_hash: string; scenario_id: string; title: string; phase: 'open' | 'revealed'; last_activity: number }>(
    'SELECT * FROM workshop_sessions',
  );
  const seatsOf = db.prepare<[string], { token: string; client: string | null; answer: string | null; answers: number }>('SELECT token, client, answer, answers FROM workshop_seats WHERE code = ? ORDER BY rowid');
  const end = db.transaction((code: string, by: EndedBy, at: number) => {
    removeSeats.run(code);
    removeSession.run(code);
    markEnded.run(code, by, at);
    forgetEnded.run(at - endedKeptMs);
  });
  const saveSeat = db.transaction((code: string, seat: StoredSeat) => {
    upsertSeat.run({ code, ...seat });
    touch.run(now(), code);
  });
  return {
    load: () =>
      allSessions.all().map((row) => ({
        code: row.code,
        trainerTokenHash: row.trainer_token_hash,
        scenarioId: row.scenario_id,
        title: JSON.parse(row.title) as { sv: string; en: string },
        phase: row.phase,
        lastActivity: row.last_activity,
        seats: seatsOf.all(row.code),
      })),
    saveSession: (s) => void upsertSession.run({ ...s, title: JSON.stringify(s.title) }),
    saveSeat: (code, seat) => void saveSeat(code, seat),
    end: (code, by, at) => void end(code, by, at),
    ended: (code) => {
      const row = findEnded.get(code);
      return row && row.at >= now() - endedKeptMs ? { by: row.ended_by, at: row.at } : null;
    },
    close: () => db.close(),
  };
}

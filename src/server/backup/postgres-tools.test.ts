import { describe, expect, it } from 'vitest';
import { connectionFor, shownUrl } from './postgres-tools';

describe('the database URL given to pg_dump and pg_restore', () => {
  it('leaves the password out of the command line, where any user of the computer can read it, and passes it in the environment', () => {
    const { dbname, env } = connectionFor('postgres://vagval:hemligt%20ord@db.kommun.se:5432/register?sslmode=require&password=annat');
    expect(dbname).not.toContain('hemligt');
    expect(dbname).not.toContain('annat');
    expect(dbname).toBe('postgres://vagval@db.kommun.se:5432/register?sslmode=require');
    expect(env).toEqual({ PGPASSWORD: 'hemligt ord' });
    expect(connectionFor('postgres://postgres@127.0.0.1:5432/postgres').env).toEqual({});
  });

  it('names the database in a message without its password', () => {
    expect(shownUrl('postgres://vagval:hemligt@db.kommun.se/register')).toBe('postgres://vagval:***@db.kommun.se/register');
    expect(shownUrl('postgres://vagval@db/register?password=hemligt')).not.toContain('hemligt');
  });
});

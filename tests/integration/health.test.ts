import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '@/lib/db/client';
import { checkHealth, latestMigration } from '@/lib/ops/health';
import { freshDatabase, type FreshDatabase } from '../helpers/db';

let env: FreshDatabase;
const latest = readdirSync(path.resolve('prisma/migrations'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()
  .at(-1);

beforeAll(async () => {
  env = await freshDatabase();
});

afterAll(async () => {
  const holder = globalThis as unknown as { __db?: { $disconnect(): Promise<void> } };
  await holder.__db?.$disconnect();
  await env?.drop();
});

describe('health check', () => {
  it('names the latest migration applied', async () => {
    expect(latest).toBeTruthy();
    expect(await latestMigration(env.db)).toBe(latest);
  });

  it('is ok when the database answers', async () => {
    const now = new Date('2026-11-23T10:00:00Z');
    expect(await checkHealth(env.db, { now: () => now })).toEqual({
      status: 'ok',
      database: 'ok',
      migration: latest,
      time: '2026-11-23T10:00:00.000Z',
    });
  });

  it('reports the database unavailable when it cannot connect', async () => {
    const unreachable = createDb('postgresql://postgres@127.0.0.1:1/nothing_here');
    try {
      const health = await checkHealth(unreachable, { timeoutMs: 5000 });
      expect(health).toMatchObject({ status: 'error', database: 'unavailable' });
      expect(health).not.toHaveProperty('migration');
    } finally {
      await unreachable.$disconnect().catch(() => {});
    }
  });

  it('reports unavailable when there is no database configured at all', async () => {
    const health = await checkHealth(() => {
      throw new Error('DATABASE_URL is not set');
    });
    expect(health.status).toBe('error');
  });

  it('GET /api/health answers 200 with JSON, or 503 without a database', async () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = env.url;
    try {
      const { GET } = await import('@/app/api/health/route');
      const ok = await GET();
      expect(ok.status).toBe(200);
      expect(ok.headers.get('cache-control')).toBe('no-store');
      const body = await ok.json();
      expect(body).toMatchObject({ status: 'ok', database: 'ok', migration: latest });
      expect(Number.isNaN(Date.parse(body.time))).toBe(false);

      const holder = globalThis as unknown as { __db?: { $disconnect(): Promise<void> } };
      await holder.__db?.$disconnect();
      delete holder.__db;
      delete process.env.DATABASE_URL;
      const down = await GET();
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ status: 'error', database: 'unavailable' });
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
  });
});

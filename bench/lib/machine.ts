// The machine a bench ran on: cores, memory, Node, PostgreSQL and Redis versions.
import os from 'node:os';
import { Redis } from 'ioredis';
import postgres from 'postgres';

export interface Machine {
  cpu: string;
  cores: number;
  memory: string;
  os: string;
  node: string;
  postgres: string;
  redis: string;
}

export async function describeMachine(pgUrl: string, redisUrl: string): Promise<Machine> {
  const sql = postgres(pgUrl, { max: 1, onnotice: () => {} });
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    const [row] = await sql<{ server_version: string }[]>`show server_version`;
    const settings = await sql<{ name: string; setting: string; unit: string | null }[]>`
      select name, setting, unit from pg_settings where name in ('shared_buffers', 'work_mem', 'max_connections', 'jit')`;
    await redis.connect();
    const info = await redis.info('server');
    const redisVersion = /redis_version:(\S+)/.exec(info)?.[1] ?? '?';
    const pgSettings = settings.map((s) => `${s.name}=${s.setting}${s.unit ?? ''}`).join(', ');
    return {
      cpu: os.cpus()[0]?.model ?? '?',
      cores: os.cpus().length,
      memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      node: process.version,
      postgres: `${row?.server_version ?? '?'} (${pgSettings})`,
      redis: redisVersion,
    };
  } finally {
    await sql.end();
    redis.disconnect();
  }
}

// A worker process whose one job kills it (SIGKILL, no goodbye): claim-cap.test.ts runs it as a child.
// Env: DATABASE_URL, NOW (its clock), KIND, MAX_CLAIMS.
import pino from 'pino';
import { openDatabase } from '../../src/db/client.js';
import { clockStartingAt } from '../../src/domain/clock.js';
import { defaultSettings } from '../../src/domain/settings.js';
import { JobRunner } from '../../src/jobs/runner.js';

const env = process.env;
const database = await openDatabase({ url: env.DATABASE_URL, max: 1 });
const runner = new JobRunner({
  deps: {
    db: database.db,
    clock: clockStartingAt(new Date(env.NOW!)),
    settings: defaultSettings,
    secretsKey: Buffer.alloc(32, 9),
  },
  notifier: {
    sendText: async () => undefined,
    editText: async () => {},
    sendDocument: async () => undefined,
    deleteMessage: async () => {},
  },
  logger: pino({ level: 'silent' }),
  maxClaims: Number(env.MAX_CLAIMS),
  lockMs: 1000,
  handlers: [
    {
      kind: env.KIND!,
      async run() {
        process.kill(process.pid, 'SIGKILL');
        await new Promise(() => undefined);
      },
    },
  ],
});
await runner.runDue();
// Nothing was due: say so, so the test can tell it apart from a kill.
process.stdout.write('nothing due\n');
await database.close();

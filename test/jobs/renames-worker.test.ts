import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { subscribers } from '../../src/db/schema/index.js';
import { formatPhone } from '../../src/domain/phone.js';
import { confirmRenameList, createRenameList, requestRename } from '../../src/domain/renames/index.js';
import { renameHandlers } from '../../src/jobs/handlers/renames.js';
import { JobRunner } from '../../src/jobs/runner.js';
import { createLogger } from '../../src/logger.js';
import { telegramUsers } from '../../src/db/schema/index.js';
import { createTestDeps } from '../helpers/deps.js';
import { adminActor, makeClient, makeSubscriber, makeTelegramUser } from '../helpers/fixtures.js';
import { recordingNotifier } from './bulk-fixtures.js';

const deps = await createTestDeps('2026-11-10T10:00', { renameDelaySeconds: 60 });
const logger = createLogger('silent');

async function drain(runner: JobRunner) {
  while ((await runner.runDue()) > 0);
}

describe('R-RENAME: the worker applies due renames and tells the requester', () => {
  it('a single rename is applied after the delay and the requester is told, in their language', async () => {
    const s = await makeSubscriber(deps.db, { displayName: 'Было' });
    await makeTelegramUser(deps.db, 5001);
    await deps.db.update(telegramUsers).set({ languageCode: 'en' }).where(eq(telegramUsers.telegramId, 5001));
    await requestRename(deps, adminActor(s.clientId, 5001), {
      subscriberId: s.id,
      newName: 'Стало',
      nonce: 'w-single',
      chatId: 5001,
    });
    const notifier = recordingNotifier();
    const runner = new JobRunner({ deps, notifier, logger, handlers: renameHandlers() });
    await drain(runner);
    expect(notifier.recorded.texts).toEqual([]);
    deps.clock.advance(60_000);
    await drain(runner);
    const [row] = await deps.db.select().from(subscribers).where(eq(subscribers.id, s.id));
    expect(row!.displayName).toBe('Стало');
    expect(notifier.recorded.texts).toEqual([
      { chatId: 5001, text: `Rename applied: ${formatPhone(s.msisdn)} — “Стало”.` },
    ]);
  });

  it('a confirmed list is applied and reported once', async () => {
    const client = await makeClient(deps.db);
    const subs = [];
    for (let i = 0; i < 30; i++) subs.push(await makeSubscriber(deps.db, { clientId: client.id }));
    const actor = adminActor(client.id, 5002);
    const preview = await createRenameList(deps, actor, {
      source: { kind: 'text', text: subs.map((s, i) => `${s.msisdn};Отдел ${i}`).join('\n') },
    });
    await confirmRenameList(deps, actor, { listId: preview.listId, nonce: 'w-list' });
    deps.clock.advance(60_000);
    const notifier = recordingNotifier();
    await drain(new JobRunner({ deps, notifier, logger, handlers: renameHandlers() }));
    expect(notifier.recorded.texts).toEqual([
      { chatId: 5002, text: 'Переименование по списку применено: 30 номеров.' },
    ]);
    for (const [i, s] of subs.entries()) {
      const [row] = await deps.db.select().from(subscribers).where(eq(subscribers.id, s.id));
      expect(row!.displayName).toBe(`Отдел ${i}`);
    }
  });
});

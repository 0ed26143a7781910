import { describe, expect, it } from 'vitest';
import { listSettingsTexts, settingsText } from '../../../src/domain/services/settings.js';
import { createTestDeps } from '../../helpers/deps.js';
import { adminActor, makeClient, makeSubscriber, subscriberActor } from '../../helpers/fixtures.js';
import { makeSettingsTexts } from './builders.js';

const deps = await createTestDeps();

describe('R-SETTINGS: Internet, MMS and streaming-video settings', () => {
  it('lists the three texts in the portal’s order and gives each one', async () => {
    await makeSettingsTexts(deps.db);
    const sub = await makeSubscriber(deps.db);
    const list = await listSettingsTexts(deps, subscriberActor(sub), sub.id);
    expect(list.map((t) => t.kind)).toEqual(['internet', 'mms', 'video']);
    expect(await settingsText(deps, subscriberActor(sub), sub.id, 'mms')).toMatchObject({
      title: 'MMS',
      body: 'APN: mms',
    });
    await expect(settingsText(deps, subscriberActor(sub), sub.id, 'wap')).rejects.toMatchObject({
      code: 'services.settingsNotFound',
    });
  });

  it('R-SCOPE: another client’s administrator is refused', async () => {
    const sub = await makeSubscriber(deps.db);
    await expect(listSettingsTexts(deps, adminActor((await makeClient(deps.db)).id), sub.id)).rejects.toMatchObject({
      code: 'access.forbidden',
    });
  });
});

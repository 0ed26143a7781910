import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { voicemailSettings } from '../../../src/db/schema/index.js';
import {
  cancelVoicemailEmail,
  connectVoicemail,
  disconnectVoicemail,
  normalizeEmail,
  setVoicemailEmail,
  voicemailState,
} from '../../../src/domain/services/voicemail.js';
import { createTestDeps } from '../../helpers/deps.js';
import { makeService, makeSubscriber, subscriberActor } from '../../helpers/fixtures.js';
import { nonce } from './builders.js';

const deps = await createTestDeps();
const plus = await makeService(deps.db, {
  kind: 'voicemail',
  code: 'vm_plus',
  name: 'Плюс',
  monthlyFee: 190,
  connectFee: 0,
});

async function setup() {
  const sub = await makeSubscriber(deps.db);
  return { sub, actor: subscriberActor(sub) };
}

describe('R-VM: the «Плюс» package', () => {
  it('connects on any tariff with its monthly fee from the catalog, and disconnects', async () => {
    const { sub, actor } = await setup();
    expect(await voicemailState(deps, actor, sub.id)).toMatchObject({
      connected: false,
      package: { id: plus.id, monthlyFee: 190 },
      email: null,
    });
    await connectVoicemail(deps, actor, { subscriberId: sub.id, nonce: nonce() });
    expect((await voicemailState(deps, actor, sub.id)).connected).toBe(true);
    await disconnectVoicemail(deps, actor, { subscriberId: sub.id, nonce: nonce() });
    expect((await voicemailState(deps, actor, sub.id)).connected).toBe(false);
  });
});

describe('R-VM: the duplicate e-mail', () => {
  it('is validated', () => {
    expect(normalizeEmail('  Ivan.Petrov@Example.BY ')).toBe('Ivan.Petrov@example.by');
    for (const bad of [
      'ivan',
      'ivan@',
      '@example.by',
      'ivan@example',
      'iv an@example.by',
      'ivan@@example.by',
      'ivan..p@example.by',
      `${'a'.repeat(65)}@example.by`,
    ]) {
      expect(() => normalizeEmail(bad), bad).toThrow('services.vmInvalidEmail');
    }
  });

  it('needs the package; is set, replaced and cancelled; goes with the package', async () => {
    const { sub, actor } = await setup();
    await expect(
      setVoicemailEmail(deps, actor, { subscriberId: sub.id, email: 'me@example.by', nonce: nonce() }),
    ).rejects.toMatchObject({
      code: 'services.vmNotConnected',
    });
    await connectVoicemail(deps, actor, { subscriberId: sub.id, nonce: nonce() });
    await setVoicemailEmail(deps, actor, { subscriberId: sub.id, email: 'me@example.by', nonce: nonce() });
    expect(
      await setVoicemailEmail(deps, actor, { subscriberId: sub.id, email: 'new@example.by', nonce: nonce() }),
    ).toMatchObject({
      email: 'new@example.by',
      previous: 'me@example.by',
    });
    expect((await voicemailState(deps, actor, sub.id)).email).toBe('new@example.by');
    await cancelVoicemailEmail(deps, actor, { subscriberId: sub.id, nonce: nonce() });
    expect((await voicemailState(deps, actor, sub.id)).email).toBeNull();
    await expect(cancelVoicemailEmail(deps, actor, { subscriberId: sub.id, nonce: nonce() })).rejects.toMatchObject({
      code: 'services.vmNoEmail',
    });
    await setVoicemailEmail(deps, actor, { subscriberId: sub.id, email: 'me@example.by', nonce: nonce() });
    await disconnectVoicemail(deps, actor, { subscriberId: sub.id, nonce: nonce() });
    expect(await deps.db.select().from(voicemailSettings).where(eq(voicemailSettings.subscriberId, sub.id))).toEqual(
      [],
    );
  });
});

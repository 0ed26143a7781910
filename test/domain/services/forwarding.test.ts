import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, callForwarding } from '../../../src/db/schema/index.js';
import {
  cancelForwarding,
  forwardingPreview,
  forwardingState,
  setForwarding,
} from '../../../src/domain/services/forwarding.js';
import { normalizeForwardTarget } from '../../../src/domain/services/forwarding-target.js';
import { createTestDeps } from '../../helpers/deps.js';
import { adminActor, makeClient, makeSubscriber, subscriberActor } from '../../helpers/fixtures.js';
import { nonce } from './builders.js';

const deps = await createTestDeps();
const OWN = '375291000001';

async function setup() {
  const sub = await makeSubscriber(deps.db);
  return { sub, actor: subscriberActor(sub) };
}

describe('R-FWD: the target', () => {
  it('is normalised to international digits', () => {
    expect(normalizeForwardTarget('+375 (29) 765-43-21', OWN)).toBe('375297654321');
    expect(normalizeForwardTarget('8 029 765 43 21', OWN)).toBe('375297654321');
    expect(normalizeForwardTarget('297654321', OWN)).toBe('375297654321');
    expect(normalizeForwardTarget('0048 601 234 567', OWN)).toBe('48601234567');
    expect(normalizeForwardTarget('+7 912 345-67-89', OWN)).toBe('79123456789');
    expect(normalizeForwardTarget('8 10 7 912 345-67-89', OWN)).toBe('79123456789');
  });

  it('refuses the subscriber’s own number, short numbers, premium-rate numbers and junk', () => {
    expect(() => normalizeForwardTarget('+375 29 100-00-01', OWN)).toThrow('services.fwdOwnNumber');
    expect(() => normalizeForwardTarget('80291000001', OWN)).toThrow('services.fwdOwnNumber');
    expect(() => normalizeForwardTarget('112', OWN)).toThrow('services.fwdShortNumber');
    expect(() => normalizeForwardTarget('1234567', OWN)).toThrow('services.fwdShortNumber');
    expect(() => normalizeForwardTarget('8 902 123-45-67', OWN)).toThrow('services.fwdPremiumNumber');
    expect(() => normalizeForwardTarget('+375 903 123 45 67', OWN)).toThrow('services.fwdPremiumNumber');
    expect(() => normalizeForwardTarget('+979 1234 5678', OWN)).toThrow('services.fwdPremiumNumber');
    expect(() => normalizeForwardTarget('мамин', OWN)).toThrow('services.fwdInvalidNumber');
    expect(() => normalizeForwardTarget('+0123456789', OWN)).toThrow('services.fwdInvalidNumber');
    expect(() => normalizeForwardTarget('1234567890123456', OWN)).toThrow('services.fwdInvalidNumber');
  });

  it('refuses the own number of the subscriber being changed, also in the confirmed change', async () => {
    const { sub, actor } = await setup();
    await expect(
      setForwarding(deps, actor, { subscriberId: sub.id, condition: 'busy', target: `+${sub.msisdn}`, nonce: nonce() }),
    ).rejects.toMatchObject({
      code: 'services.fwdOwnNumber',
    });
    expect(await deps.db.select().from(callForwarding).where(eq(callForwarding.subscriberId, sub.id))).toEqual([]);
  });
});

describe('R-FWD: conditions set and cancelled one by one or all at once', () => {
  it('shows the four conditions; «нет ответа» takes a delay of 5–30 s in steps of 5, default 20', async () => {
    const { sub, actor } = await setup();
    expect((await forwardingState(deps, actor, sub.id)).lines.map((l) => [l.condition, l.active])).toEqual([
      ['unconditional', false],
      ['busy', false],
      ['no_reply', false],
      ['unreachable', false],
    ]);
    expect(
      await forwardingPreview(deps, actor, { subscriberId: sub.id, condition: 'no_reply', target: '+375297654321' }),
    ).toMatchObject({
      delaySeconds: 20,
      previous: null,
    });
    for (const bad of [0, 3, 35, 12]) {
      await expect(
        setForwarding(deps, actor, {
          subscriberId: sub.id,
          condition: 'no_reply',
          target: '+375297654321',
          delaySeconds: bad,
          nonce: nonce(),
        }),
      ).rejects.toMatchObject({ code: 'services.fwdInvalidDelay' });
    }
    await setForwarding(deps, actor, {
      subscriberId: sub.id,
      condition: 'no_reply',
      target: '+375297654321',
      delaySeconds: 30,
      nonce: nonce(),
    });
    await setForwarding(deps, actor, {
      subscriberId: sub.id,
      condition: 'busy',
      target: '+375297654322',
      delaySeconds: 15,
      nonce: nonce(),
    });
    const state = await forwardingState(deps, actor, sub.id);
    expect(state.lines.find((l) => l.condition === 'no_reply')).toMatchObject({
      active: true,
      target: '375297654321',
      delaySeconds: 30,
    });
    expect(state.lines.find((l) => l.condition === 'busy')).toMatchObject({
      active: true,
      delaySeconds: null,
      overridden: false,
    });
  });

  it('an active unconditional forwarding overrides the conditional ones, which come back when it is cancelled', async () => {
    const { sub, actor } = await setup();
    await setForwarding(deps, actor, {
      subscriberId: sub.id,
      condition: 'busy',
      target: '+375297654322',
      nonce: nonce(),
    });
    await setForwarding(deps, actor, {
      subscriberId: sub.id,
      condition: 'unconditional',
      target: '+375297654323',
      nonce: nonce(),
    });
    let state = await forwardingState(deps, actor, sub.id);
    expect(state.unconditionalActive).toBe(true);
    expect(state.lines.map((l) => [l.condition, l.overridden])).toEqual([
      ['unconditional', false],
      ['busy', true],
      ['no_reply', false],
      ['unreachable', false],
    ]);
    await cancelForwarding(deps, actor, { subscriberId: sub.id, condition: 'unconditional', nonce: nonce() });
    state = await forwardingState(deps, actor, sub.id);
    expect(state.lines.find((l) => l.condition === 'busy')).toMatchObject({ active: true, overridden: false });
  });

  it('cancels one, then all; nothing to cancel is refused', async () => {
    const { sub, actor } = await setup();
    await expect(
      cancelForwarding(deps, actor, { subscriberId: sub.id, condition: 'busy', nonce: nonce() }),
    ).rejects.toMatchObject({
      code: 'services.fwdNotSet',
    });
    await setForwarding(deps, actor, {
      subscriberId: sub.id,
      condition: 'busy',
      target: '+375297654322',
      nonce: nonce(),
    });
    await setForwarding(deps, actor, {
      subscriberId: sub.id,
      condition: 'unreachable',
      target: '+375297654322',
      nonce: nonce(),
    });
    await setForwarding(deps, actor, {
      subscriberId: sub.id,
      condition: 'no_reply',
      target: '+375297654322',
      nonce: nonce(),
    });
    expect(
      await cancelForwarding(deps, actor, { subscriberId: sub.id, condition: 'busy', nonce: nonce() }),
    ).toMatchObject({ cancelled: ['busy'] });
    expect(
      await cancelForwarding(deps, actor, { subscriberId: sub.id, condition: 'all', nonce: nonce() }),
    ).toMatchObject({
      cancelled: ['no_reply', 'unreachable'],
    });
    await expect(
      cancelForwarding(deps, actor, { subscriberId: sub.id, condition: 'all', nonce: nonce() }),
    ).rejects.toMatchObject({
      code: 'services.fwdNoneSet',
    });
    const actions = (await deps.db.select().from(auditLog).where(eq(auditLog.subscriberId, sub.id))).map(
      (a) => a.action,
    );
    expect(actions.filter((a) => a === 'forwarding.cancel')).toHaveLength(2);
  });

  it('R-IDEMP: a confirmation delivered twice sets once and audits once', async () => {
    const { sub, actor } = await setup();
    const n = nonce();
    await setForwarding(deps, actor, { subscriberId: sub.id, condition: 'busy', target: '+375297654322', nonce: n });
    const again = await setForwarding(deps, actor, {
      subscriberId: sub.id,
      condition: 'busy',
      target: '+375297654322',
      nonce: n,
    });
    expect(again.replayed).toBe(true);
    expect(await deps.db.select().from(auditLog).where(eq(auditLog.subscriberId, sub.id))).toHaveLength(1);
  });

  it('R-SCOPE: another client’s administrator can neither see nor change it', async () => {
    const { sub } = await setup();
    const stranger = adminActor((await makeClient(deps.db)).id);
    await expect(forwardingState(deps, stranger, sub.id)).rejects.toMatchObject({ code: 'access.forbidden' });
    await expect(
      setForwarding(deps, stranger, {
        subscriberId: sub.id,
        condition: 'busy',
        target: '+375297654322',
        nonce: nonce(),
      }),
    ).rejects.toMatchObject({
      code: 'access.forbidden',
    });
  });
});

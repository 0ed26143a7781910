import { describe, expect, it } from 'vitest';
import {
  claimTopicCreation,
  forumTopicOf,
  releaseTopicClaim,
  setForumTopic,
  ticketByForumTopic,
  TOPIC_CLAIM_STALE_MS,
} from '../../../src/domain/tickets/index.js';
import { createTestDeps } from '../../helpers/deps.js';
import { makeRequester, makeStaff, ticketOf } from './helpers.js';

const deps = await createTestDeps();

describe('R-HANDOVER: one forum topic per ticket, even when messages arrive at once', () => {
  it('of eight concurrent callers exactly one is told to create the topic; the others wait, then read its id', async () => {
    const { actor } = await makeRequester(deps);
    const { ticketId } = await ticketOf(deps, actor);
    const claims = await Promise.all(Array.from({ length: 8 }, () => claimTopicCreation(deps, ticketId)));
    expect(claims.filter((c) => c.state === 'create')).toHaveLength(1);
    expect(claims.filter((c) => c.state === 'pending')).toHaveLength(7);
    await expect(setForumTopic(deps, ticketId, 501)).resolves.toEqual({ topicId: 501, won: true });
    await expect(claimTopicCreation(deps, ticketId)).resolves.toEqual({ state: 'exists', topicId: 501 });
    expect(await forumTopicOf(deps, ticketId)).toBe(501);
  });

  it('a topic id is set once: a second, concurrent set keeps the first and tells the loser', async () => {
    const { actor } = await makeRequester(deps);
    const { ticketId } = await ticketOf(deps, actor);
    const results = await Promise.all([setForumTopic(deps, ticketId, 601), setForumTopic(deps, ticketId, 602)]);
    expect(results.filter((r) => r.won)).toHaveLength(1);
    const kept = results.find((r) => r.won)!.topicId;
    expect(results.map((r) => r.topicId)).toEqual([kept, kept]);
    expect(await forumTopicOf(deps, ticketId)).toBe(kept);
  });

  it('a claim whose creator died is taken over after the stale time; a released claim at once', async () => {
    const { actor } = await makeRequester(deps);
    const { ticketId } = await ticketOf(deps, actor);
    expect((await claimTopicCreation(deps, ticketId)).state).toBe('create');
    expect((await claimTopicCreation(deps, ticketId)).state).toBe('pending');
    deps.clock.advance(TOPIC_CLAIM_STALE_MS + 1000);
    expect((await claimTopicCreation(deps, ticketId)).state).toBe('create');
    await releaseTopicClaim(deps, ticketId);
    expect((await claimTopicCreation(deps, ticketId)).state).toBe('create');
  });

  it('staff find the ticket by its topic; any other topic is no ticket', async () => {
    const staff = await makeStaff(deps);
    const { actor } = await makeRequester(deps);
    const { ticketId } = await ticketOf(deps, actor);
    await setForumTopic(deps, ticketId, 701);
    await expect(ticketByForumTopic(deps, staff, 701)).resolves.toMatchObject({ id: ticketId, forumTopicId: 701 });
    await expect(ticketByForumTopic(deps, staff, 702)).resolves.toBeNull();
    await expect(setForumTopic(deps, ticketId, 0)).rejects.toThrow('tickets.badTopicId');
  });
});

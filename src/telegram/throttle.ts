// The one pace of proactive sends (notices, list progress, job documents, the support relay), to Telegram's
// limits: about 30 messages a second overall, about one a second per private chat, 20 a minute per group.
// A token bucket per chat lets a short burst through at once (a card and its files) and spaces what follows;
// a bucket over all chats keeps the total under 30 a second. Callers reserve in order. Replies to a user's own
// update do not go through here.
export interface BucketLimits {
  /** Sustained rate. */
  perMinute: number;
  /** Messages that may go at once after a quiet spell. */
  burst: number;
}

export const GROUP_LIMITS: BucketLimits = { perMinute: 20, burst: 20 };
export const PRIVATE_LIMITS: BucketLimits = { perMinute: 60, burst: 5 };
export const GLOBAL_LIMITS: BucketLimits = { perMinute: 30 * 60, burst: 30 };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface ThrottleOptions {
  /** Limits of one chat (groups and supergroups have negative ids). */
  limits?: (chatId: number) => BucketLimits;
  /** Limits over every chat together. */
  global?: BucketLimits;
  now?: () => number;
  wait?: (ms: number) => Promise<void>;
}

class Bucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly limits: BucketLimits,
    now: number,
  ) {
    this.tokens = limits.burst;
    this.at = now;
  }

  /** Reserves one message (the count may go below zero); returns the wait until it may go. */
  reserve(now: number): number {
    const interval = 60_000 / this.limits.perMinute;
    this.tokens = Math.min(this.limits.burst, this.tokens + (now - this.at) / interval);
    this.at = now;
    this.tokens -= 1;
    return this.tokens < 0 ? -this.tokens * interval : 0;
  }

  idle(now: number): boolean {
    return this.tokens >= 0 && now - this.at > 60_000;
  }
}

export class SendThrottle {
  private readonly chats = new Map<number, Bucket>();
  private readonly all: Bucket;
  private readonly limits: (chatId: number) => BucketLimits;
  private readonly now: () => number;
  private readonly wait: (ms: number) => Promise<void>;

  constructor(options: ThrottleOptions = {}) {
    this.limits = options.limits ?? ((chatId) => (chatId < 0 ? GROUP_LIMITS : PRIVATE_LIMITS));
    this.now = options.now ?? Date.now;
    this.wait = options.wait ?? sleep;
    this.all = new Bucket(options.global ?? GLOBAL_LIMITS, this.now());
  }

  /** Resolves when a message to `chatId` may go. */
  async take(chatId: number): Promise<void> {
    const now = this.now();
    let bucket = this.chats.get(chatId);
    if (!bucket) {
      bucket = new Bucket(this.limits(chatId), now);
      this.chats.set(chatId, bucket);
    }
    const delay = Math.max(bucket.reserve(now), this.all.reserve(now));
    if (this.chats.size > 10_000) this.prune(now);
    if (delay > 0) await this.wait(delay);
  }

  private prune(now: number): void {
    for (const [id, b] of this.chats) if (b.idle(now)) this.chats.delete(id);
  }
}

/** A throttle that never waits in practice (tests that are not about pacing). */
export function unlimitedThrottle(): SendThrottle {
  const wide = { perMinute: 6_000_000, burst: 100_000 };
  return new SendThrottle({ limits: () => wide, global: wide });
}

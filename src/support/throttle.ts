// Proactive sends of the support relay, paced to Telegram's limits: a forum supergroup takes about 20
// messages a minute, a private chat about one a second. A token bucket per chat lets a short burst
// through at once (a card and its files) and spaces what follows; callers reserve in order.
export interface BucketLimits {
  /** Sustained rate. */
  perMinute: number;
  /** Messages that may go at once after a quiet spell. */
  burst: number;
}

export const GROUP_LIMITS: BucketLimits = { perMinute: 20, burst: 20 };
export const PRIVATE_LIMITS: BucketLimits = { perMinute: 60, burst: 5 };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Bucket {
  tokens: number;
  at: number;
}

export class ChatThrottle {
  private readonly buckets = new Map<number, Bucket>();

  constructor(
    private readonly limits: (chatId: number) => BucketLimits = (chatId) =>
      chatId < 0 ? GROUP_LIMITS : PRIVATE_LIMITS,
    private readonly now: () => number = Date.now,
    private readonly wait: (ms: number) => Promise<void> = sleep,
  ) {}

  /** Resolves when a message to `chatId` may go. */
  async take(chatId: number): Promise<void> {
    const { perMinute, burst } = this.limits(chatId);
    const interval = 60_000 / perMinute;
    const now = this.now();
    const bucket = this.buckets.get(chatId) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) / interval);
    bucket.at = now;
    // Reserve now (the count may go below zero); the reservation's wait is the debt's refill time.
    bucket.tokens -= 1;
    this.buckets.set(chatId, bucket);
    if (this.buckets.size > 10_000) this.prune(now);
    if (bucket.tokens < 0) await this.wait(-bucket.tokens * interval);
  }

  private prune(now: number): void {
    for (const [id, b] of this.buckets) if (b.tokens >= 0 && now - b.at > 60_000) this.buckets.delete(id);
  }
}

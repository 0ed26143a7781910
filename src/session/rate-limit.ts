// Finding 4 of issue 22 (floods): a token bucket per Telegram user, checked before the session and the
// identity are read. With Redis it is one more step of the chat-lock script (src/session/ordering.ts: no
// extra round trip, shared by every process); without Redis the same bucket lives in this process.
// A refused update is dropped; the first refusal of each window is flagged `notify` so the bot answers
// and audits once per window, never once per press.

export interface RateLimit {
  /** Updates a user may send in a window, and the bucket's size (a burst of that many is let through). */
  capacity: number;
  windowMs: number;
  /** Bucket keys, e.g. `portal:rate:`. */
  prefix: string;
}

/** Why an update was refused; `notify` is true once per window per user. */
export interface RateLimited {
  userId: number;
  notify: boolean;
}

/**
 * The bucket as a Lua fragment for the lock script: KEYS[3] the bucket, ARGV[4] capacity, ARGV[5] window,
 * ARGV[6] '1' on the update's first attempt (retries while the chat is busy take no second token).
 * Returns 0 (go), 3 (refused, tell the user) or 4 (refused, already told this window). Same arithmetic as
 * MemoryBuckets below. TIME is Redis's clock, so processes on different hosts share one.
 */
export const bucketLua = `local function take_token()
  if KEYS[3] == '' or ARGV[6] ~= '1' then return 0 end
  local t = redis.call('TIME')
  local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
  local cap = tonumber(ARGV[4])
  local win = tonumber(ARGV[5])
  local b = redis.call('HMGET', KEYS[3], 'tokens', 'ts', 'told')
  local tokens = tonumber(b[1]) or cap
  local ts = tonumber(b[2]) or now
  local told = tonumber(b[3])
  tokens = math.min(cap, tokens + math.max(0, now - ts) * cap / win)
  local answer = 0
  if tokens >= 1 then
    tokens = tokens - 1
  elseif told == nil or now - told >= win then
    told = now
    answer = 3
  else
    answer = 4
  end
  redis.call('HSET', KEYS[3], 'tokens', tostring(tokens), 'ts', tostring(now), 'told', tostring(told or -win))
  redis.call('PEXPIRE', KEYS[3], win * 2)
  return answer
end`;

interface Bucket {
  tokens: number;
  ts: number;
  told: number | undefined;
}

/** The in-process buckets (no REDIS_URL): the arithmetic of bucketLua. */
export class MemoryBuckets {
  private readonly buckets = new Map<number, Bucket>();
  private lastSweep: number;

  constructor(
    private readonly limit: Pick<RateLimit, 'capacity' | 'windowMs'>,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSweep = now();
  }

  /** 'go', or a refusal with `notify` once per window. */
  take(userId: number): 'go' | RateLimited {
    const now = this.now();
    this.sweep(now);
    const { capacity, windowMs } = this.limit;
    const b = this.buckets.get(userId) ?? { tokens: capacity, ts: now, told: undefined };
    b.tokens = Math.min(capacity, b.tokens + (Math.max(0, now - b.ts) * capacity) / windowMs);
    b.ts = now;
    this.buckets.set(userId, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 'go';
    }
    const notify = b.told === undefined || now - b.told >= windowMs;
    if (notify) b.told = now;
    return { userId, notify };
  }

  /** Users with a bucket (full buckets are forgotten after two windows). */
  get size(): number {
    return this.buckets.size;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.limit.windowMs) return;
    this.lastSweep = now;
    for (const [id, b] of this.buckets) if (now - b.ts >= 2 * this.limit.windowMs) this.buckets.delete(id);
  }
}

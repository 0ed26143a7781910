// Bot API failures as the relay handles them: 429 is retried after `retry_after` (the request never
// took effect), 403 means the user blocked the bot; anything else is the caller's to report.
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface ApiError {
  code?: number;
  response?: { error_code?: number; parameters?: { retry_after?: number } };
  description?: string;
}

export function errorCode(error: unknown): number | undefined {
  const e = error as ApiError;
  return e?.response?.error_code ?? e?.code;
}

export function isBlockedByUser(error: unknown): boolean {
  return errorCode(error) === 403;
}

const MAX_RETRY_AFTER_S = 60;

export async function withRetry<T>(
  call: () => Promise<T>,
  attempts = 3,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (errorCode(error) !== 429 || attempt >= attempts) throw error;
      const seconds = (error as ApiError).response?.parameters?.retry_after ?? 1;
      await wait(Math.min(seconds, MAX_RETRY_AFTER_S) * 1000);
    }
  }
}

// Every outgoing Telegram call goes through here: one policy (retries, "not modified", token scrubbing,
// 403 → blocked), one throttle for proactive sends, one notifier for jobs.
export { createTelegramClient } from './client.js';
export { TelegramNotifier, type NotifierOptions } from './notifier.js';
export {
  type ApiPolicyOptions,
  classifyFailure,
  installApiPolicy,
  isBlockedByUser,
  isNotModified,
  isResendable,
  scrubToken,
} from './policy.js';
export {
  type BucketLimits,
  GLOBAL_LIMITS,
  GROUP_LIMITS,
  PRIVATE_LIMITS,
  SendThrottle,
  type ThrottleOptions,
  unlimitedThrottle,
} from './throttle.js';

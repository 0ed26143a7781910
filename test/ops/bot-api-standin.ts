// A loopback Bot API stand-in to try a deployment without Telegram (README, Deploying): prints its URL
// (use it as TELEGRAM_API_ROOT), then one line per call the bot makes. `npx tsx test/ops/bot-api-standin.ts`.
import { FakeBotApi } from '../helpers/fake-bot-api.js';

const api = new FakeBotApi();
const url = await api.start();
process.stdout.write(`Bot API stand-in at ${url}\n`);
setInterval(() => {
  for (const call of api.telegram.calls.splice(0)) {
    if (call.method === 'getUpdates') continue;
    process.stdout.write(`${call.method} ${JSON.stringify(call.payload).slice(0, 300)}\n`);
  }
}, 200);
process.once('SIGINT', () => void api.stop().then(() => process.exit(0)));
process.once('SIGTERM', () => void api.stop().then(() => process.exit(0)));

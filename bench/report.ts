// The bench report as Markdown: each figure beside its target, the machine and the command.
import type { BulkReport } from './bulk/child.js';
import type { BenchDatabase } from './lib/databases.js';
import type { Machine } from './lib/machine.js';
import { mb, ms, pass } from './lib/stats.js';
import type { PressResult } from './press/run.js';
import type { StatementCpu } from './press/statement-cpu.js';
import type { SearchResults, ShapeResult } from './search.js';

export interface Results {
  machine: Machine;
  command: string;
  date: string;
  seconds: number;
  large: BenchDatabase;
  small?: BenchDatabase;
  press?: { rounds: { floor: PressResult; full: PressResult }[]; ratio: number; statementCpu: StatementCpu[] };
  search?: { large: SearchResults; small: SearchResults };
  bulk?: BulkReport;
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');

function pressSection(p: NonNullable<Results['press']>): string[] {
  const full = p.rounds[p.rounds.length - 1]!.full;
  const row = (r: PressResult, round: number) =>
    `| ${round} | ${r.mode === 'full' ? 'full stack' : 'floor (bare Telegraf)'} | ${r.chats} | ${r.presses} | ${f1(r.pressesPerSecond)} | ${ms(r.latency.p50)} | ${ms(r.latency.p99)} | ${ms(r.handler.p50)} | ${ms(r.handler.p99)} | ${ms(r.cpuMsPerUpdate)} | ${r.errors} | ${f1(r.loadAverage)} |`;
  const lines = [
    '## 1. Press throughput (menu ↔ «Операции с услугами», closed loop per chat)',
    '',
    '| round | bot | chats | presses | presses/s | p50 (user) | p99 (user) | p50 (handler) | p99 (handler) | bot CPU per update | timeouts | load avg |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...p.rounds.flatMap((r, i) => [row(r.floor, i + 1), row(r.full, i + 1)]),
    '',
    `- **ratio full/floor (mean presses/s over the rounds): ${f2(p.ratio)}** (target ≥ 0.5: ${pass(p.ratio >= 0.5)}); per round: ${p.rounds
      .map((r) => f2(r.full.pressesPerSecond / r.floor.pressesPerSecond))
      .join(', ')}`,
    `- counts per press: after the full stack's last window, one chat presses ${full.countedPresses} times alone, one press at a time (exact, unlike totals over a window with presses in flight at its edges)`,
    `- Bot API calls per press: ${f2(full.apiCallsPerPress)} (target ≤ 2: ${pass(full.apiCallsPerPress <= 2)}) — ${Object.entries(
      full.apiMethods,
    )
      .map(([m, n]) => `${m} ${n}`)
      .join(', ')}`,
    `- Redis round trips per press besides the lock: ${f2(full.redisOtherPerPress)} (target ≤ 2: ${pass(full.redisOtherPerPress <= 2)}); the lock's own: ${f2(full.redisLockPerPress)} — ${full.redisCommands
      .map(([c, n]) => `${c} ${f2(n)}`)
      .join(', ')}`,
    `- SQL statements per press: ${f2(full.sqlPerPress)} (target ≤ 3: ${pass(full.sqlPerPress <= 3)})`,
    ...full.sqlTexts.slice(0, 8).map(([t, n]) => `  - ${f2(n)} × \`${t}\``),
    '',
    '"user" latency: update queued at the stand-in → the edited screen arrives there; "handler": `bot.handleUpdate` start → end in the bot process; "bot CPU per update": user+system CPU of the bot process in the window / updates (robust to a busy machine, unlike presses/s).',
    '',
    'Client CPU per statement of a press, measured alone (µs per call, sequential):',
    '',
    '| statement | CPU | wall |',
    '|---|---|---|',
    ...p.statementCpu.map((s) => `| ${s.label} | ${s.cpuUs.toFixed(0)} µs | ${s.wallUs.toFixed(0)} µs |`),
    '',
  ];
  return lines;
}

function shapeTable(title: string, large: ShapeResult[], small: ShapeResult[], target: number): string[] {
  const lines = [
    `### ${title}`,
    '',
    '| shape | mask | p50 1M | p95 1M | max 1M | rows | p95 50k | ratio p95 | p95 target | ratio ≤ 2 |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const l of large) {
    const s = small.find((x) => x.shape === l.shape)!;
    const ratio = l.p95 / s.p95;
    lines.push(
      `| ${l.shape} | \`${l.template}\` | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.max)} | ${f1(l.rowsAvg)} | ${ms(s.p95)} | ${f2(ratio)} | ${pass(l.p95 <= target)} | ${pass(ratio <= 2 || l.p95 <= 2)} |`,
    );
  }
  lines.push('');
  return lines;
}

function plans(title: string, shapes: ShapeResult[]): string[] {
  const lines = [`<details><summary>${title}: EXPLAIN (ANALYZE, BUFFERS) of each shape at 1M</summary>`, ''];
  for (const s of shapes) {
    lines.push(`**${s.shape}** — mask \`${s.planMask}\``, '', '```', s.plan, '```', '');
  }
  lines.push('</details>', '');
  return lines;
}

function searchSection(s: NonNullable<Results['search']>): string[] {
  const all = (r: SearchResults) => `p50 ${ms(r.subscribersAll.p50)}, p95 ${ms(r.subscribersAll.p95)}`;
  const pool = (r: SearchResults) =>
    `p50 ${ms(r.poolAll.p50)}, p95 ${ms(r.poolAll.p95)} (the offer statement alone: p95 ${ms(r.poolQueryAll.p95)})`;
  return [
    '## 2. Search at scale',
    '',
    `- searchSubscribers, all shapes: 1M ${all(s.large)}; 50k ${all(s.small)} — target p95 ≤ 10 ms: ${pass(s.large.subscribersAll.p95 <= 10)}`,
    `- searchNumbers, all shapes and categories: 1M ${pool(s.large)}; 50k ${pool(s.small)} — target p95 ≤ 20 ms: ${pass(s.large.poolAll.p95 <= 20)}`,
    `- a one-row INSERT + COMMIT on this machine (fsync): p50 ${ms(s.large.commitProbe.p50)}, p95 ${ms(s.large.commitProbe.p95)}; load average at the end ${f1(s.large.loadAverage)} (1M) / ${f1(s.small.loadAverage)} (50k)`,
    `- ratio of overall p95 1M/50k: subscribers ${f2(s.large.subscribersAll.p95 / s.small.subscribersAll.p95)}, pool ${f2(s.large.poolAll.p95 / s.small.poolAll.p95)} (target ≤ 2)`,
    '',
    ...shapeTable(
      '«Выбор абонента» (searchSubscribers, client of 100 000 at 1M / of 5 000 at 50k; first page)',
      s.large.subscribers,
      s.small.subscribers,
      10,
    ),
    ...shapeTable(
      '«Подобрать номер» (searchNumbers with the category cycling Все/simple/bronze/silver/gold/platinum; 5 000 000 / 50 000 pool)',
      s.large.pool,
      s.small.pool,
      20,
    ),
    'Ratio PASS also when the 1M p95 itself is ≤ 2 ms (noise dominates there).',
    '',
    ...plans('Subscriber search', s.large.subscribers),
    ...plans('Pool search (the offer statement)', s.large.pool),
  ];
}

function bulkSection(b: BulkReport): string[] {
  const lines = [
    `## 3. Bulk: a ${b.lines}-line service list, ${b.workers} worker`,
    '',
    '| action | intake + preview | confirm | apply (confirm → last line) | result XLSX | total | done | refused when applied | refused in the preview | SQL statements |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const p of b.phases) {
    lines.push(
      `| ${p.action} | ${f1(p.intakeSeconds)} s | ${f2(p.confirmSeconds)} s | ${f1(p.applySeconds)} s | ${f1(p.resultSeconds)} s | **${f1(p.totalSeconds)} s** | ${p.done} | ${p.refused} | ${p.invalid} | ${p.statements} |`,
    );
  }
  const connect = b.phases[0]!;
  lines.push(
    '',
    `- target: the list applied in ≤ 15 s — connect total ${f1(connect.totalSeconds)} s: ${pass(connect.totalSeconds <= 15)}`,
    `- peak RSS of the bulk process: before the list ${mb(b.peakRssBefore)}, after both lists ${mb(b.peakRssAfter)} (RSS at start ${mb(b.rssStart)}, at end ${mb(b.rssEnd)})`,
    '',
  );
  return lines;
}

export function report(r: Results): string {
  const m = r.machine;
  const lines = [
    `# Portal Bot bench — ${r.date}`,
    '',
    `- command: \`${r.command}\` (whole run ${f1(r.seconds)} s)`,
    `- machine: ${m.cores} × ${m.cpu}, ${m.memory} RAM, ${m.os}`,
    `- Node ${m.node}, PostgreSQL ${m.postgres}, Redis ${m.redis}`,
    `- databases: ${r.large.scale.database} (${r.large.scale.subscribers} subscribers, one client of ${r.large.scale.clientSubscribers}, ${r.large.scale.pool} pool)${r.small ? `, ${r.small.scale.database} (${r.small.scale.subscribers}, client of ${r.small.scale.clientSubscribers}, ${r.small.scale.pool} pool)` : ''}${r.large.seededSeconds ? ` — seeded in this run: ${f1(r.large.seededSeconds)} s` : ' — reused'}`,
    '',
  ];
  if (r.press) lines.push(...pressSection(r.press));
  if (r.search) lines.push(...searchSection(r.search));
  if (r.bulk) lines.push(...bulkSection(r.bulk));
  if (r.press) {
    const { floor, full } = r.press.rounds[r.press.rounds.length - 1]!;
    lines.push(
      '## 4. Memory (RSS of the bot process)',
      '',
      `- full stack: idle ${mb(full.rssIdle)}, peak under the load of (1) ${mb(full.rssLoadMax)}, 3 s after ${mb(full.rssAfter)}`,
      `- floor: idle ${mb(floor.rssIdle)}, peak under load ${mb(floor.rssLoadMax)}`,
      '',
    );
  }
  return lines.join('\n');
}

// R-CHARGES: the bar chart of the months as a PNG — each bar stacked by kind of charge (subscription fee,
// additional services, mobile internet, calls and SMS, one-time fees) with a legend in the user's language
// and the month's total on top. ECharts renders SVG server-side, resvg turns it into PNG with the bundled
// DejaVu font (no system fonts, so Cyrillic renders the same everywhere). Cached by a hash of its data.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as ResvgModule from '@resvg/resvg-js';
import type * as EchartsModule from 'echarts';
import type { ChargeLine, ChargePeriod } from '../domain/charges.js';

// Loaded on first use: echarts and resvg cost half a second at start-up for a screen few users open.
const load = createRequire(import.meta.url);
const echartsLib = () => load('echarts') as typeof EchartsModule;
const resvgLib = () => load('@resvg/resvg-js') as typeof ResvgModule;

/** The kinds a bar is stacked by, bottom to top. */
export const CHART_KINDS = ['subscription', 'services', 'internet', 'usage', 'fees'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

const KIND_COLOURS: Record<ChartKind, string> = {
  subscription: '#d6001c',
  services: '#f28e2b',
  internet: '#4e79a7',
  usage: '#59a14f',
  fees: '#9c755f',
};

export interface ChartBar {
  label: string;
  /** Kopecks: the month's total, printed on top. */
  amount: number;
  /** Kopecks by kind (they sum to `amount`); without them the bar is one colour. */
  parts?: Partial<Record<ChartKind, number>>;
}

export interface ChargesChartInput {
  title: string;
  bars: ChartBar[];
  /** Shown above each bar after the amount, e.g. 'руб.'. */
  unit: string;
  /** The legend's names of the kinds, in the user's language (texts.account.charges.kinds). */
  legend?: Record<ChartKind, string>;
}

/** Mobile-internet packages are billed as service lines named «Пакет «…»» (R-MI). */
const INTERNET_LINE = /^Пакет[\s«]/u;

export function chartKindOf(line: Pick<ChargeLine, 'kind' | 'description'>): ChartKind {
  switch (line.kind) {
    case 'subscription':
      return 'subscription';
    case 'usage':
      return 'usage';
    case 'fee':
      return 'fees';
    default:
      return INTERNET_LINE.test(line.description) ? 'internet' : 'services';
  }
}

/** The chart of «Начисления за период» from the months the screen shows (oldest first). */
export function chargesChartInput(
  periods: readonly ChargePeriod[],
  texts: { title: string; unit: string; legend: Record<ChartKind, string>; monthLabel: (period: string) => string },
): ChargesChartInput {
  return {
    title: texts.title,
    unit: texts.unit,
    legend: texts.legend,
    bars: periods.map((p) => {
      const parts: Partial<Record<ChartKind, number>> = {};
      for (const line of p.lines) {
        const kind = chartKindOf(line);
        parts[kind] = (parts[kind] ?? 0) + line.amount;
      }
      return { label: texts.monthLabel(p.period), amount: p.total, parts };
    }),
  };
}

export interface ChargesChart {
  png: Buffer;
  /** Hash of the data: also a key under which the bot may remember Telegram's file_id. */
  hash: string;
  cached: boolean;
}

const FONT_FILE = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_FAMILY = 'DejaVu Sans';
const WIDTH = 880;
const HEIGHT = 450;
/** The column of the legend right of the bars. */
const LEGEND_WIDTH = 220;
const CACHE_SIZE = 200;

// A Map keeps insertion order: re-inserting on a hit makes the oldest entry the least recently used.
const cache = new Map<string, Buffer>();

export function chartHash(input: ChargesChartInput): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        input.title,
        input.unit,
        input.legend ?? null,
        input.bars.map((b) => [b.label, b.amount, CHART_KINDS.map((k) => b.parts?.[k] ?? 0)]),
      ]),
    )
    .digest('hex');
}

function roubles(kopecks: number): string {
  return (kopecks / 100).toFixed(2).replace('.', ',');
}

function series(input: ChargesChartInput) {
  const totalLabel = {
    show: true,
    position: 'top' as const,
    fontFamily: FONT_FAMILY,
    fontSize: 14,
    fontWeight: 'bold' as const,
    color: '#222222',
    formatter: (p: { dataIndex: number }) => `${roubles(input.bars[p.dataIndex]!.amount)} ${input.unit}`,
  };
  const stacked = input.legend !== undefined && input.bars.some((b) => b.parts !== undefined);
  if (!stacked) {
    return [
      {
        type: 'bar',
        barWidth: '45%',
        itemStyle: { color: KIND_COLOURS.subscription },
        data: input.bars.map((b) => b.amount / 100),
        label: totalLabel,
      },
    ];
  }
  // Only the kinds some month has; a zero-height bar on top of the stack carries the total.
  const kinds = CHART_KINDS.filter((k) => input.bars.some((b) => (b.parts?.[k] ?? 0) !== 0));
  return [
    ...kinds.map((kind) => ({
      name: input.legend![kind],
      type: 'bar',
      stack: 'month',
      barWidth: '45%',
      itemStyle: { color: KIND_COLOURS[kind] },
      data: input.bars.map((b) => (b.parts?.[kind] ?? 0) / 100),
    })),
    {
      name: 'total',
      type: 'bar',
      stack: 'month',
      barWidth: '45%',
      data: input.bars.map(() => 0),
      label: totalLabel,
      tooltip: { show: false },
    },
  ];
}

export function chargesChartSvg(input: ChargesChartInput): string {
  const chart = echartsLib().init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  const withLegend = input.legend !== undefined && input.bars.some((b) => b.parts !== undefined);
  const legendNames = withLegend
    ? CHART_KINDS.filter((k) => input.bars.some((b) => (b.parts?.[k] ?? 0) !== 0)).map((k) => input.legend![k])
    : [];
  try {
    chart.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: FONT_FAMILY },
      title: { text: input.title, left: 'center', top: 12, textStyle: { fontFamily: FONT_FAMILY, fontSize: 18 } },
      legend: withLegend
        ? {
            // A column at a fixed left edge: ECharts' server-side text measuring overestimates Cyrillic
            // widths, so a right-aligned or wrapped legend would be misplaced.
            data: legendNames,
            orient: 'vertical',
            left: WIDTH - LEGEND_WIDTH + 10,
            top: 'middle',
            itemGap: 12,
            textStyle: { fontFamily: FONT_FAMILY, fontSize: 13 },
          }
        : { show: false },
      grid: { left: 70, right: withLegend ? LEGEND_WIDTH : 30, top: 70, bottom: 50 },
      xAxis: {
        type: 'category',
        data: input.bars.map((b) => b.label),
        // Every month's label (the measuring would otherwise drop some as overlapping).
        axisLabel: { fontFamily: FONT_FAMILY, fontSize: 14, interval: 0 },
      },
      yAxis: { type: 'value', axisLabel: { fontFamily: FONT_FAMILY, formatter: (v: number) => String(v) } },
      series: series(input),
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function renderChargesChart(input: ChargesChartInput): ChargesChart {
  const hash = chartHash(input);
  const hit = cache.get(hash);
  if (hit) {
    cache.delete(hash);
    cache.set(hash, hit);
    return { png: hit, hash, cached: true };
  }
  const resvg = new (resvgLib().Resvg)(chargesChartSvg(input), {
    background: '#ffffff',
    font: {
      fontFiles: [FONT_FILE],
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
  });
  const png = Buffer.from(resvg.render().asPng());
  cache.set(hash, png);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return { png, hash, cached: false };
}

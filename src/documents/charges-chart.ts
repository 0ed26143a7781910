// R-CHARGES: the bar chart of the months' totals as a PNG — ECharts renders SVG server-side, resvg turns it
// into PNG with the bundled DejaVu font (no system fonts, so Cyrillic renders the same everywhere).
// Cached by a hash of its data: the same three months draw once.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as ResvgModule from '@resvg/resvg-js';
import type * as EchartsModule from 'echarts';

// Loaded on first use: echarts and resvg cost half a second at start-up for a screen few users open.
const load = createRequire(import.meta.url);
const echartsLib = () => load('echarts') as typeof EchartsModule;
const resvgLib = () => load('@resvg/resvg-js') as typeof ResvgModule;

export interface ChartBar {
  label: string;
  /** Kopecks. */
  amount: number;
}

export interface ChargesChartInput {
  title: string;
  bars: ChartBar[];
  /** Shown above each bar after the amount, e.g. 'руб.'. */
  unit: string;
}

export interface ChargesChart {
  png: Buffer;
  /** Hash of the data: also a key under which the bot may remember Telegram's file_id. */
  hash: string;
  cached: boolean;
}

const FONT_FILE = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_FAMILY = 'DejaVu Sans';
const WIDTH = 800;
const HEIGHT = 450;
const CACHE_SIZE = 200;

// A Map keeps insertion order: re-inserting on a hit makes the oldest entry the least recently used.
const cache = new Map<string, Buffer>();

export function chartHash(input: ChargesChartInput): string {
  return createHash('sha256')
    .update(JSON.stringify([input.title, input.unit, input.bars.map((b) => [b.label, b.amount])]))
    .digest('hex');
}

function roubles(kopecks: number): string {
  return (kopecks / 100).toFixed(2).replace('.', ',');
}

export function chargesChartSvg(input: ChargesChartInput): string {
  const chart = echartsLib().init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: FONT_FAMILY },
      title: { text: input.title, left: 'center', top: 12, textStyle: { fontFamily: FONT_FAMILY, fontSize: 18 } },
      grid: { left: 70, right: 30, top: 70, bottom: 50 },
      xAxis: {
        type: 'category',
        data: input.bars.map((b) => b.label),
        axisLabel: { fontFamily: FONT_FAMILY, fontSize: 14 },
      },
      yAxis: { type: 'value', axisLabel: { fontFamily: FONT_FAMILY, formatter: (v: number) => String(v) } },
      series: [
        {
          type: 'bar',
          barWidth: '45%',
          itemStyle: { color: '#d6001c' },
          data: input.bars.map((b) => b.amount / 100),
          label: {
            show: true,
            position: 'top',
            fontFamily: FONT_FAMILY,
            fontSize: 14,
            formatter: (p: { dataIndex: number }) => `${roubles(input.bars[p.dataIndex]!.amount)} ${input.unit}`,
          },
        },
      ],
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

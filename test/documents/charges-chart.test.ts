import { describe, expect, it } from 'vitest';
import { catalogs } from '../../src/bot/texts/index.js';
import {
  chargesChartInput,
  chargesChartSvg,
  chartKindOf,
  renderChargesChart,
} from '../../src/documents/charges-chart.js';
import type { ChargeLine, ChargePeriod } from '../../src/domain/charges.js';

const input = {
  title: 'Начисления за период',
  unit: 'руб.',
  bars: [
    { label: 'Сентябрь 2026', amount: 2512 },
    { label: 'Октябрь 2026', amount: 3120 },
    { label: 'Ноябрь 2026', amount: 1837 },
  ],
};

describe('R-CHARGES: the bar chart of the three months', () => {
  it('draws the Cyrillic labels and amounts into the SVG', () => {
    const svg = chargesChartSvg(input);
    expect(svg.startsWith('<svg')).toBe(true);
    for (const text of ['Сентябрь 2026', 'Октябрь 2026', 'Ноябрь 2026', '31,20 руб.', 'Начисления за период'])
      expect(svg).toContain(text);
    expect(svg).toContain('DejaVu Sans');
  });

  it('renders a PNG with the bundled font, and the same data again comes from the cache', () => {
    const first = renderChargesChart(input);
    expect([...first.png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(first.png.length).toBeGreaterThan(5000);
    expect(first.cached).toBe(false);
    const again = renderChargesChart({ ...input, bars: input.bars.map((b) => ({ ...b })) });
    expect(again).toMatchObject({ cached: true, hash: first.hash });
    expect(again.png).toBe(first.png);
    const changed = renderChargesChart({
      ...input,
      bars: [...input.bars.slice(0, 2), { label: 'Ноябрь 2026', amount: 1838 }],
    });
    expect(changed.cached).toBe(false);
    expect(changed.hash).not.toBe(first.hash);
  });
});

describe('Issue 25 item 9 (R-CHARGES): bars stacked by kind, a legend and the total on top', () => {
  const line = (kind: ChargeLine['kind'], description: string, amount: number): ChargeLine => ({
    kind,
    description,
    amount,
    vat: 0,
    chargedOn: '2026-10-01',
    computed: false,
  });
  const periods: ChargePeriod[] = [
    [
      line('subscription', 'Абонентская плата «Бизнес»', 2490),
      line('service', 'Услуга «АОН»', 350),
      line('service', 'Пакет «Интернет 10 ГБ»', 990),
      line('usage', '', 412),
      line('fee', 'Смена ТП', 330),
    ],
    [line('subscription', 'Абонентская плата «Бизнес»', 2490), line('usage', '', 780)],
  ].map((lines, i) => ({
    period: `2026-${10 + i}-01`,
    current: i === 1,
    lines,
    total: lines.reduce((s, l) => s + l.amount, 0),
    vatTotal: 0,
  }));

  it('classifies every line into one of the five kinds', () => {
    expect(periods[0]!.lines.map(chartKindOf)).toEqual(['subscription', 'services', 'internet', 'usage', 'fees']);
  });

  it.each(['ru', 'en'] as const)('draws the stacks with the %s legend and each month’s total on top', (lang) => {
    const c = catalogs[lang].account.charges;
    const input = chargesChartInput(periods, {
      title: c.chartTitle,
      unit: c.unit,
      legend: c.kinds,
      monthLabel: (p) => p,
    });
    expect(input.bars.map((b) => b.parts)).toEqual([
      { subscription: 2490, services: 350, internet: 990, usage: 412, fees: 330 },
      { subscription: 2490, usage: 780 },
    ]);
    const svg = chargesChartSvg(input);
    for (const name of Object.values(c.kinds)) expect(svg).toContain(name);
    expect(svg).toContain(`45,72 ${c.unit}`);
    expect(svg).toContain(`32,70 ${c.unit}`);
    // One fill colour per kind, not one colour for the whole chart.
    const fills = new Set([...svg.matchAll(/fill="(#[0-9a-f]{6}|rgb\([^)]+\))"/gi)].map((m) => m[1]!.toLowerCase()));
    expect(fills.size).toBeGreaterThanOrEqual(5);
    expect(renderChargesChart(input).png.length).toBeGreaterThan(5000);
  });

  it('a kind no month has stays out of the legend', () => {
    const c = catalogs.en.account.charges;
    const svg = chargesChartSvg(
      chargesChartInput(periods.slice(1), { title: c.chartTitle, unit: c.unit, legend: c.kinds, monthLabel: (p) => p }),
    );
    expect(svg).toContain('Calls and SMS');
    expect(svg).not.toContain('Mobile internet');
  });
});

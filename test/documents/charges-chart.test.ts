import { describe, expect, it } from 'vitest';
import { chargesChartSvg, renderChargesChart } from '../../src/documents/charges-chart.js';

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

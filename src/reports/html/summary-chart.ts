import type { ConformanceReport, Verdict, VerdictCounts } from '../model.ts';
import { VERDICT_ORDER } from '../model.ts';
import { esc } from './escape.ts';

export const VERDICT_COLOR: Record<Verdict, string> = {
  failed: '#d32f2f',
  warning: '#f57c00',
  'known-deviation': '#c9a400',
  skipped: '#9e9e9e',
  'not-tested': '#d6d6d6',
  passed: '#2e7d32',
};
export const VERDICT_LABEL: Record<Verdict, string> = { failed: 'failed', warning: 'warning', 'known-deviation': 'known deviation', skipped: 'skipped', 'not-tested': 'not tested', passed: 'passed' };

const total = (c: VerdictCounts) => VERDICT_ORDER.reduce((n, v) => n + c[v], 0);

/** One horizontal stacked bar per level, category and transport: verdict counts, inline SVG, no library. */
export function summaryChart(breakdown: ConformanceReport['breakdown']): string {
  const groups: Array<[string, Record<string, VerdictCounts>]> = [
    ['level', breakdown.level],
    ['category', breakdown.category],
    ['transport', breakdown.transport],
  ];
  // Compact enough that the table of the same counts fits beside it on a laptop screen.
  const labelW = 130;
  const barW = 320;
  const rowH = 14;
  const gap = 3;
  const headH = 20;
  let y = 0;
  const parts: string[] = [];
  for (const [name, counts] of groups) {
    const entries = Object.entries(counts).filter(([, c]) => total(c) > 0);
    if (entries.length === 0) continue;
    y += headH;
    parts.push(`<text x="0" y="${y - 6}" class="group">by ${esc(name)}</text>`);
    const max = Math.max(...entries.map(([, c]) => total(c)));
    for (const [key, c] of entries) {
      parts.push(`<text x="${labelW - 8}" y="${y + rowH - 3}" text-anchor="end">${esc(key)}</text>`);
      let x = labelW;
      for (const v of VERDICT_ORDER) {
        if (c[v] === 0) continue;
        const w = (c[v] / max) * barW;
        parts.push(`<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${rowH}" fill="${VERDICT_COLOR[v]}"><title>${esc(key)}: ${c[v]} ${esc(VERDICT_LABEL[v])}</title></rect>`);
        x += w;
      }
      parts.push(`<text x="${(x + 6).toFixed(1)}" y="${y + rowH - 3}" class="n">${total(c)}</text>`);
      y += rowH + gap;
    }
  }
  const legendY = y + 16;
  let lx = 0;
  for (const v of VERDICT_ORDER) {
    parts.push(`<rect x="${lx}" y="${legendY - 10}" width="12" height="12" fill="${VERDICT_COLOR[v]}"/><text x="${lx + 16}" y="${legendY}">${esc(VERDICT_LABEL[v])}</text>`);
    lx += 16 + VERDICT_LABEL[v].length * 7 + 18;
  }
  const height = legendY + 8;
  const width = Math.max(labelW + barW + 40, lx);
  return `<svg class="chart" role="img" aria-label="verdict counts by level, category and transport" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}

/** The counts as a table next to the chart: readable without colours. */
export function summaryTable(breakdown: ConformanceReport['breakdown']): string {
  const rows = (['level', 'category', 'transport'] as const).flatMap((group) =>
    Object.entries(breakdown[group])
      .filter(([, c]) => total(c) > 0)
      .map(([key, c]) => `<tr><th scope="row">${esc(group)}: ${esc(key)}</th>${VERDICT_ORDER.map((v) => `<td class="${c[v] ? `v-${v}` : 'zero'}">${c[v]}</td>`).join('')}</tr>`),
  );
  return `<table class="counts"><thead><tr><th></th>${VERDICT_ORDER.map((v) => `<th>${esc(VERDICT_LABEL[v])}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

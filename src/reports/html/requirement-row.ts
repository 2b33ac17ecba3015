import { verdictOf, type RequirementResult, type Status } from '../model.ts';
import type { Transport } from '../../specs/families.ts';
import { esc } from './escape.ts';
import { failureBlock } from './failure.ts';
import { VERDICT_LABEL } from './summary-chart.ts';

const STATUS_LABEL: Record<Status, string> = { passed: '✔ passed', failed: '✘ failed', skipped: 'not applicable', 'not-tested': 'not tested', 'known-deviation': '⚠ known' };

export interface RowContext {
  transports: readonly Transport[];
  mqttRequestTopic?: string;
}

function detailRow(r: RequirementResult, colspan: number, ctx: RowContext): string {
  if (r.failures.length === 0 && !r.knownBecause && !r.notApplicable) return '';
  const known = r.knownBecause ? `<p class="known">known deviation: ${esc(r.knownBecause)}</p>` : '';
  const na = r.notApplicable ? `<p class="muted">not applicable (${esc(r.notApplicable)})</p>` : '';
  if (r.failures.length === 0 && !r.knownBecause) return `<tr class="detail"><td colspan="${colspan}">${na}</td></tr>`;
  const first = r.failures[0]?.message.split('\n')[0] ?? '';
  const summary = `${r.failures.length} failure${r.failures.length === 1 ? '' : 's'}${first ? `: ${esc(first)}` : ''}`;
  const failures = r.failures.map((f) => failureBlock(f, { mqttRequestTopic: ctx.mqttRequestTopic })).join('');
  return `<tr class="detail"><td colspan="${colspan}"><details class="failures"><summary>${summary}</summary>${known}${na}<p class="source">${esc(r.source)}</p>${failures}</details></td></tr>`;
}

/**
 * One requirement as a <tbody>: its row and, when it has failures, a second row with a <details> holding them.
 * The data-* attributes are what the page's filters and search read.
 */
export function requirementRow(r: RequirementResult, ctx: RowContext): string {
  const cells = ctx.transports
    .map((t) => {
      const s = r.transports[t];
      const ms = r.durationsMs[t];
      return `<td class="tcell s-${s ?? 'na'}"${ms !== undefined ? ` title="${ms} ms"` : ''}>${s ? esc(STATUS_LABEL[s]) : ''}</td>`;
    })
    .join('');
  const doc = `<span class="doc-title">${esc(r.document.title)}</span> › <span class="doc-section">${esc(r.document.section)}</span>`;
  const attrs = [
    `data-status="${esc(r.status)}"`,
    `data-verdict="${esc(r.verdict)}"`,
    `data-level="${esc(r.level)}"`,
    `data-category="${esc(r.category)}"`,
    `data-transports="${esc(Object.keys(r.transports).join(' '))}"`,
    // Per transport, its status and verdict: "failed on ws" is then a question the filters can answer.
    ...Object.entries(r.transports).map(([t, s]) => `data-t-${esc(t)}="${esc(`${s} ${verdictOf(s, r.level)}`)}"`),
    `data-search="${esc(`${r.id} ${r.title}`.toLowerCase())}"`,
  ].join(' ');
  const main = `<tr class="req v-${esc(r.verdict)}"><td class="id"><code>${esc(r.id)}</code></td><td class="title">${esc(r.title)}</td><td class="doc" title="${esc(r.document.file)}">${doc}</td><td>${esc(r.level)}</td><td>${esc(r.category)}</td>${cells}<td class="verdict-cell"><span class="badge b-${esc(r.verdict)}">${esc(VERDICT_LABEL[r.verdict])}</span></td></tr>`;
  return `<tbody class="requirement" id="req-${esc(r.id)}" ${attrs}>${main}${detailRow(r, 6 + ctx.transports.length, ctx)}</tbody>`;
}

import type { Failure, RequirementResult, Status } from '../model.ts';
import type { Transport } from '../../specs/families.ts';
import { esc } from './escape.ts';
import { renderExchange } from './exchange.ts';
import { VERDICT_LABEL } from './summary-chart.ts';

const STATUS_LABEL: Record<Status, string> = { passed: '✔ passed', failed: '✘ failed', skipped: 'skipped', 'not-tested': 'not tested', 'known-deviation': '⚠ known' };

function failureBlock(f: Failure): string {
  const firstLine = f.message.split('\n')[0] ?? '';
  const er =
    f.expected !== undefined || f.received !== undefined
      ? `<div class="er"><div class="expected"><div class="er-head">expected</div><pre>${esc(f.expected ?? '')}</pre></div><div class="received"><div class="er-head">received</div><pre>${esc(f.received ?? '')}</pre></div></div>`
      : '';
  const exchanges = f.exchanges.length > 0 ? `<div class="exchanges"><h5>exchanges (redacted)</h5>${f.exchanges.map(renderExchange).join('')}</div>` : '<p class="muted">no exchange recorded</p>';
  const repro = f.reproduction
    ? `<div class="repro"><div class="repro-head"><h5>reproduction</h5><button type="button" class="copy">copy</button></div><pre class="repro-cmd">${esc(f.reproduction)}</pre></div>`
    : '';
  return `<section class="failure"><h4><span class="tp">${esc(f.transport)}</span> ${esc(f.test)}</h4><p class="msg-first">${esc(firstLine)}</p>${er}<details class="full-message"><summary>full message</summary><pre>${esc(f.message)}</pre></details>${exchanges}${repro}</section>`;
}

/**
 * One requirement as a <tbody>: its row and, when it has failures, a second row with a <details> holding them.
 * The data-* attributes are what the page's filters and search read.
 */
export function requirementRow(r: RequirementResult, transports: readonly Transport[]): string {
  const cells = transports
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
    `data-search="${esc(`${r.id} ${r.title}`.toLowerCase())}"`,
  ].join(' ');
  const main = `<tr class="req v-${esc(r.verdict)}"><td class="id"><code>${esc(r.id)}</code></td><td class="title">${esc(r.title)}</td><td class="doc" title="${esc(r.document.file)}">${doc}</td><td>${esc(r.level)}</td><td>${esc(r.category)}</td>${cells}<td class="verdict-cell"><span class="badge b-${esc(r.verdict)}">${esc(VERDICT_LABEL[r.verdict])}</span></td></tr>`;
  const colspan = 6 + transports.length;
  let detail = '';
  if (r.failures.length > 0 || r.knownBecause) {
    const known = r.knownBecause ? `<p class="known">known deviation: ${esc(r.knownBecause)}</p>` : '';
    const first = r.failures[0]?.message.split('\n')[0] ?? '';
    const summary = `${r.failures.length} failure${r.failures.length === 1 ? '' : 's'}${first ? `: ${esc(first)}` : ''}`;
    detail = `<tr class="detail"><td colspan="${colspan}"><details class="failures"><summary>${summary}</summary>${known}<p class="source">${esc(r.source)}</p>${r.failures.map(failureBlock).join('')}</details></td></tr>`;
  }
  return `<tbody class="requirement" id="req-${esc(r.id)}" ${attrs}>${main}${detail}</tbody>`;
}

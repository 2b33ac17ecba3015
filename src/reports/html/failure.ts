import type { Failure } from '../model.ts';
import { esc } from './escape.ts';
import { renderExchange, type ExchangeContext } from './exchange.ts';

/** "toBeUndefined()", "not.toHaveProperty('x')": what the assertion wanted when the message prints no Expected: line. */
function matcherOf(message: string): string | undefined {
  return /expect\([^)]*\)\.((?:not\.)?(?:resolves\.|rejects\.)?\w+\([^)]*\))/.exec(message)?.[1];
}

function expectedReceived(f: Failure): string {
  if (f.expected === undefined && f.received === undefined) return '';
  const matcher = f.expected === undefined ? matcherOf(f.message) : undefined;
  const expected = f.expected !== undefined ? `<pre>${esc(f.expected)}</pre>` : matcher ? `<pre class="matcher">${esc(matcher)}</pre>` : '<pre class="muted">(not printed)</pre>';
  const received = f.received !== undefined ? `<pre>${esc(f.received)}</pre>` : '<pre class="muted">(not printed)</pre>';
  return `<div class="er"><div class="expected"><div class="er-head">expected</div>${expected}</div><div class="received"><div class="er-head">received</div>${received}</div></div>`;
}

function reproduction(f: Failure): string {
  if (!f.reproduction) return '<p class="muted">no reproduction: no exchange could be replayed on its own</p>';
  return `<div class="repro"><div class="repro-head"><h5>reproduction</h5><button type="button" class="copy" hidden>copy</button><span class="muted">credentials from $CONFORM_TOKEN, $CONFORM_MQTT_PASSWORD</span></div><pre class="repro-cmd">${esc(f.reproduction)}</pre></div>`;
}

/**
 * One failed test: what it said, expected beside received, the commands that replay it (short, so before the
 * transcript), then the full message and every exchange it recorded.
 */
export function failureBlock(f: Failure, ctx: Omit<ExchangeContext, 'focus'>): string {
  const firstLine = f.message.split('\n')[0] ?? '';
  const exchanges =
    f.exchanges.length > 0
      ? `<div class="exchanges"><h5>exchanges (redacted; ${f.exchanges.length})</h5>${f.exchanges.map((x, i) => renderExchange(x, i, { ...ctx, focus: f.transport })).join('')}</div>`
      : '<p class="muted">no exchange recorded</p>';
  return `<section class="failure"><h4><span class="tp">${esc(f.transport)}</span> ${esc(f.test)}</h4><p class="msg-first">${esc(firstLine)}</p>${expectedReceived(f)}${reproduction(f)}<details class="full-message"><summary>full message</summary><pre>${esc(f.message)}</pre></details>${exchanges}</section>`;
}

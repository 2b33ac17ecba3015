import type { ConformanceReport } from './model.ts';

/**
 * The level a run reached, as a badge a README can show: badge.json for a shields.io endpoint badge
 * (schemas/badge/shields-endpoint.json) and badge.svg, the same badge drawn without any service. The message counts
 * MUST requirements: passed out of those tested (known deviations and not-applicable ones are tested but not passed).
 */
export interface ShieldsEndpoint {
  schemaVersion: 1;
  label: string;
  message: string;
  color: string;
  isError?: boolean;
}

/** shields.io's named colours, as hex for the SVG. */
const COLORS = { brightgreen: '#4c1', yellow: '#dfb317', red: '#e05d44', lightgrey: '#9f9f9f' } as const;

export function badgeOf(report: ConformanceReport): ShieldsEndpoint {
  const label = `${report.api} MUST`;
  if (report.stopped?.stage === 'pre-flight') return { schemaVersion: 1, label, message: 'not run', color: 'lightgrey', isError: true };
  const must = report.requirements.filter((r) => r.level === 'MUST' && r.status !== 'not-tested');
  const passed = must.filter((r) => r.status === 'passed').length;
  const notes = [...(report.summary.knownDeviations > 0 ? [`${report.summary.knownDeviations} known`] : []), ...(report.stopped ? ['stopped'] : [])];
  const message = `${passed}/${must.length}${notes.length ? ` (${notes.join(', ')})` : ''}`;
  // Red: a MUST failed (the run exits 1). Yellow: it passes, with known deviations or SHOULD/MAY failures. Green: clean.
  if (report.stopped) return { schemaVersion: 1, label, message, color: 'red', isError: true };
  const color = report.summary.mustFailed > 0 ? 'red' : report.summary.knownDeviations > 0 || report.summary.shouldFailed > 0 ? 'yellow' : 'brightgreen';
  return { schemaVersion: 1, label, message, color, ...(report.summary.mustFailed > 0 ? { isError: true } : {}) };
}

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Verdana 11px advance widths are about 6-7 px a character; a flat badge pads each side by 5 px. */
const textWidth = (text: string) => Math.round([...text].reduce((w, c) => w + (/[iljtf.,:;|!' ]/.test(c) ? 3.5 : /[mwMW@%]/.test(c) ? 9.5 : /[A-Z0-9]/.test(c) ? 7.5 : 6.5), 0));

/** A flat badge in the shields.io look, self-contained: no font, image or script is fetched. */
export function badgeSvg(badge: ShieldsEndpoint): string {
  const left = textWidth(badge.label) + 10;
  const right = textWidth(badge.message) + 10;
  const width = left + right;
  const fill = COLORS[badge.color as keyof typeof COLORS] ?? COLORS.lightgrey;
  const label = escapeXml(badge.label);
  const message = escapeXml(badge.message);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${label}: ${message}">
<title>${label}: ${message}</title>
<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
<clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath>
<g clip-path="url(#r)"><rect width="${left}" height="20" fill="#555"/><rect x="${left}" width="${right}" height="20" fill="${fill}"/><rect width="${width}" height="20" fill="url(#s)"/></g>
<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
<text x="${left / 2}" y="14">${label}</text><text x="${left + right / 2}" y="14">${message}</text>
</g>
</svg>
`;
}

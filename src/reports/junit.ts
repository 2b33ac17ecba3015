import type { ConformanceReport } from './model.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** junit.xml: one testcase per requirement and transport, the requirement id, level and category as properties. */
export function renderJunit(report: ConformanceReport): string {
  const cases: string[] = [];
  let failures = 0;
  let skipped = 0;
  for (const r of report.requirements) {
    for (const [transport, status] of Object.entries(r.transports)) {
      const props = `<properties><property name="requirement" value="${escape(r.id)}"/><property name="level" value="${r.level}"/><property name="category" value="${r.category}"/><property name="transport" value="${transport}"/></properties>`;
      let inner = props;
      if (status === 'failed' && r.level === 'MUST') {
        failures++;
        const message = r.failures.find((f) => f.transport === transport)?.message ?? 'failed';
        inner += `<failure message="${escape(message.split('\n')[0] ?? '')}">${escape(message)}</failure>`;
      } else if (status !== 'passed') {
        skipped++;
        const why = status === 'failed' ? `${r.level} failed (a warning): ${r.failures.find((f) => f.transport === transport)?.message ?? ''}` : status === 'known-deviation' ? `known deviation: ${r.knownBecause ?? ''}` : status;
        inner += `<skipped message="${escape(why.split('\n')[0] ?? '')}"/>`;
      }
      cases.push(`    <testcase classname="${escape(`${r.family}.${r.operation}`)}" name="${escape(`${r.id} [${transport}]`)}">${inner}</testcase>`);
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="conform ${escape(report.target.name)}" tests="${cases.length}" failures="${failures}" skipped="${skipped}" time="${(report.durationMs / 1000).toFixed(3)}">\n  <testsuite name="${escape(report.api)}" tests="${cases.length}" failures="${failures}" skipped="${skipped}">\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`;
}

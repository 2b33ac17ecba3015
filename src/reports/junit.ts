import junitModule, { type Builder } from 'junit-report-builder';
import type { ConformanceReport } from './model.ts';
import { verdictOf } from './model.ts';

// The package is CommonJS (module.exports = the builder) while its types declare an ES default export: take either.
const junitBuilder = ((junitModule as unknown as { default?: Builder }).default ?? junitModule) as unknown as Builder;

const firstLine = (s: string) => s.split('\n')[0] ?? '';
/** JUnit's timestamp is an xs:dateTime without a zone; the run's start, in UTC. */
const junitTimestamp = (iso: string) => iso.replace(/\.\d+Z$|Z$/, '');

/**
 * junit.xml: a testsuite per operation, a testcase per requirement and transport, with the requirement id, level,
 * category and transport as properties and the test time. Only a failed MUST is a <failure>; a failed SHOULD or MAY
 * and a known deviation pass with the warning in <system-out> (docs/reports.md says why); a requirement not run is
 * <skipped>.
 */
export function renderJunit(report: ConformanceReport): string {
  const builder = junitBuilder.newBuilder().name(`conform ${report.target.name} (${report.api})`);
  const timestamp = junitTimestamp(report.startedAt);
  for (const operation of [...new Set(report.requirements.map((r) => r.operation))]) {
    const requirements = report.requirements.filter((r) => r.operation === operation);
    const ms = requirements.reduce((sum, r) => sum + Object.values(r.durationsMs).reduce((a, b) => a + b, 0), 0);
    const suite = builder
      .testSuite()
      .name(`${report.api} ${operation === '*' ? 'all operations' : operation}`)
      .timestamp(timestamp)
      .time(ms / 1000)
      .property('target', report.target.name)
      .property('startedAt', report.startedAt);
    for (const r of requirements) {
      for (const [transport, status] of Object.entries(r.transports)) {
        const failure = r.failures.find((f) => f.transport === transport);
        const testcase = suite
          .testCase()
          .className(`${r.family}.${r.operation}`)
          .name(`${r.id} [${transport}]`)
          .time((r.durationsMs[transport as keyof typeof r.durationsMs] ?? 0) / 1000)
          .property('requirement', r.id)
          .property('level', r.level)
          .property('category', r.category)
          .property('transport', transport)
          .property('document', `${r.document.title} › ${r.document.section}`);
        const verdict = verdictOf(status, r.level);
        testcase.property('verdict', verdict);
        if (verdict === 'failed') {
          testcase.failure(firstLine(failure?.message ?? 'failed'), 'MUST').stacktrace([failure?.message ?? '', failure?.reproduction ? `\nReproduce:\n${failure.reproduction}` : ''].join(''));
        } else if (verdict === 'warning') {
          testcase.standardOutput(`WARNING: ${r.level} requirement not met (does not fail the run): ${r.title}\n${failure?.message ?? ''}${failure?.reproduction ? `\n\nReproduce:\n${failure.reproduction}` : ''}`);
        } else if (verdict === 'known-deviation') {
          testcase.standardOutput(`KNOWN DEVIATION (listed in the baseline, does not fail the run): ${r.knownBecause ?? ''}\n${failure?.message ?? ''}`);
        } else if (verdict === 'skipped' || verdict === 'not-tested') {
          testcase.skipped().standardOutput(verdict === 'skipped' ? `not applicable (${r.notApplicable ?? 'every test of this requirement was skipped'})` : `not tested on ${transport}: the target offers no such endpoint, --transport left it out, or --grep/--shard did not select it`);
        }
      }
    }
  }
  return `${builder.build()}\n`;
}

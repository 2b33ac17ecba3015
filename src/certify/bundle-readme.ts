import type { BundleManifest } from './manifest.ts';
import { bundleResult } from './manifest.ts';
import { SIGNATURE_FILE, SUMS_FILE } from './checksums.ts';

const WORDS = {
  passed: 'PASSED: no MUST requirement failed',
  failed: 'FAILED: a MUST requirement failed',
  incomplete: 'INCOMPLETE: the run stopped early or ran no test',
} as const;

/** Markdown table cell text: no | or line break from a target's name breaks the table. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');

/** A relative path inside the bundle, for links ("./" for a run at the top). */
const inside = (dir: string, file: string) => (dir === '.' ? file : `${dir}/${file}`);

/**
 * The README.md of a bundle: the verdict first, one row per run, what each file is, how to verify it, and the exact
 * command that made it (its secrets redacted) to reproduce it. Made from the manifest alone, so it says nothing the
 * manifest (and conform verify) does not.
 */
export function renderBundleReadme(manifest: BundleManifest, signed: boolean): string {
  const result = bundleResult(manifest.runs);
  const rows = manifest.runs.map((r) => {
    const s = r.verdict.summary;
    return `| ${cell(r.target.name)} | ${r.family} | ${r.catalogue.version} | ${r.transports.join(', ')} | ${r.verdict.result} | ${s.passed} | ${s.mustFailed} | ${s.shouldFailed} | ${s.knownDeviations} | ${s.skipped} | ${s.notTested} | [report](${inside(r.dir, 'conformance.html')}) |`;
  });
  const stopped = manifest.runs.filter((r) => r.verdict.stopped).map((r) => `- ${cell(r.target.name)}: stopped (${r.verdict.stopped?.stage}, ${r.verdict.stopped?.code}): ${cell(r.verdict.stopped?.reason ?? '')}`);
  return [
    '# Conformance certification bundle',
    '',
    `**Verdict: ${WORDS[result]}.**`,
    '',
    `Made by conform ${manifest.tool.version} on ${manifest.startedAt} in ${(manifest.durationMs / 1000).toFixed(1)} s (${manifest.platform.os} ${manifest.platform.arch}, Node ${manifest.platform.node}).`,
    '',
    '| target | family | catalogue version | transports | verdict | passed | failed MUST | failed SHOULD/MAY | known deviations | skipped | not tested | report |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    ...(stopped.length ? ['', ...stopped] : []),
    '',
    '## Contents',
    '',
    '- `manifest.json`: the conform version, each requirement set by version and content hash (and each requirement\'s hash), the SHA-256 of every document it derives from, the targets (no credentials), transports, baseline, date, duration, platform and the command line (`schemas/bundle-manifest.schema.json`).',
    ...manifest.runs.map((r) => `- \`${inside(r.dir, '')}\`: \`conformance.json\` (the per-requirement results), \`conformance.html\`, \`junit.xml\`, \`summary.md\`, and \`transcripts/\`, every test's exchanges (redacted)${r.baseline ? `; the baseline \`${r.baseline.file}\`` : ''}.`),
    `- \`${SUMS_FILE}\`: the SHA-256 of every other file (\`sha256sum -c ${SUMS_FILE}\` checks it too)${signed ? `; \`${SIGNATURE_FILE}\`: its Ed25519 signature` : ''}.`,
    '',
    '## Verify',
    '',
    '```sh',
    `conform verify <this folder>${signed ? ' --key <the signer\'s public key PEM>' : ''}`,
    '```',
    '',
    'It checks every checksum, the signature (with `--key`), that the requirement set is the one this conform carries (or lists the requirements changed since), and recomputes the verdict from the per-requirement results.',
    ...(signed ? ['', `Without conform: \`openssl pkeyutl -verify -pubin -inkey key.pub.pem -rawin -in ${SUMS_FILE} -sigfile ${SIGNATURE_FILE}\`, then \`sha256sum -c ${SUMS_FILE}\`.`] : []),
    '',
    '## Reproduce',
    '',
    '```sh',
    manifest.command,
    '```',
    '',
    'Secret values are shown as `[redacted]`: give the credentials as the original run did (the target file, or `CONFORM_TARGET_PASSWORD` and the other `CONFORM_TARGET_*` variables). The bundle holds none of them.',
    '',
  ].join('\n');
}

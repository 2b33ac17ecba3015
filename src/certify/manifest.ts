import os from 'node:os';
import type { ConformanceReport } from '../reports/model.ts';
import type { Family, Transport } from '../specs/families.ts';
import type { CatalogueIdentity } from '../specs/catalogue-identity.ts';
import { resultOf, type VerdictResult } from './recompute-verdict.ts';
import { publicEndpoint } from './public-endpoint.ts';

/** manifest.json of a bundle (schemas/bundle-manifest.schema.json). */
export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  tool: { name: 'conform'; version: string };
  command: string;
  startedAt: string;
  durationMs: number;
  platform: { os: string; arch: string; release: string; node: string };
  exitCode: number;
  runs: BundleRun[];
}

export interface BundleRun {
  /** The run's folder inside the bundle ("." when the bundle holds one target's reports at its top). */
  dir: string;
  family: Family;
  target: { name: string; endpoints: Partial<Record<Transport, string>> };
  transports: Transport[];
  profile: string | null;
  baseline: { file: string; sha256: string } | null;
  catalogue: CatalogueIdentity;
  verdict: { result: VerdictResult; summary: ConformanceReport['summary']; stopped?: NonNullable<ConformanceReport['stopped']> };
}

export const BUNDLE_FORMAT = 'conform-certification-bundle/1';
export const MANIFEST_FILE = 'manifest.json';

export function platform(): BundleManifest['platform'] {
  return { os: process.platform, arch: process.arch, release: os.release(), node: process.version };
}

/** One run's entry, from its report: the target as a certificate shows it (no credential), its verdict. */
export function runOf(dir: string, report: ConformanceReport, catalogue: CatalogueIdentity, baseline: BundleRun['baseline'], profile: string | null): BundleRun {
  const endpoints = Object.fromEntries(Object.entries(report.target.endpoints).map(([t, url]) => [t, publicEndpoint(url as string)]));
  return {
    dir,
    family: report.api,
    target: { name: report.target.name, endpoints },
    transports: report.transportsTested,
    profile,
    baseline,
    catalogue,
    verdict: { result: resultOf(report.summary, report.stopped), summary: report.summary, ...(report.stopped ? { stopped: report.stopped } : {}) },
  };
}

/** The bundle's verdict: the worst of its runs'. */
export function bundleResult(runs: ReadonlyArray<{ verdict: { result: VerdictResult } }>): VerdictResult {
  const results = runs.map((r) => r.verdict.result);
  return results.includes('incomplete') ? 'incomplete' : results.includes('failed') ? 'failed' : 'passed';
}

import fs from 'node:fs';
import { readDataFile } from '../specs/data-file.ts';
import type { Baseline } from '../reports/model.ts';
import { ToolError } from '../cli/errors.ts';
import type { Profile } from '../specs/profiles.ts';

/**
 * A baseline lists the requirements a target is known to fail, with why: a JSON object {id: {why, transports?}},
 * or a real-server profile (specs/profiles/*.yaml), whose deviations are exactly such a list.
 */
export function readBaseline(file: string): Baseline {
  if (!fs.existsSync(file)) throw new ToolError('CONFORM_ERR_USAGE', `baseline file ${file} does not exist`);
  const data = readDataFile(file) as Record<string, unknown>;
  if (Array.isArray((data as Partial<Profile>).deviations)) {
    const profile = data as unknown as Profile;
    return Object.fromEntries(profile.deviations.map((d) => [d.requirement, { why: `${profile.name}: ${d.behaviour}`, ...(d.transports ? { transports: d.transports } : {}) }]));
  }
  for (const [id, entry] of Object.entries(data)) {
    if (!entry || typeof entry !== 'object' || typeof (entry as { why?: unknown }).why !== 'string') {
      throw new ToolError('CONFORM_ERR_USAGE', `baseline file ${file}: "${id}" needs {"why": "<reason>"}`);
    }
  }
  return data as Baseline;
}

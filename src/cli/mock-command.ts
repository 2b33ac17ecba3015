import { configFromEnv, readConfigFile, resolveMockConfig } from '../config/mock-config.ts';
import { allDeviations } from '../server/family-modules.ts';
import { startMock, type RunningMock } from '../server/mock-server.ts';
import { CONTROL_PREFIX } from '../server/control.ts';
import type { Output } from './specs-command.ts';
import { configFromFlags, type MockFlags } from './mock-options.ts';
import { checkWorkers, isWorkerProcess, runPrimary, runWorker } from './mock-workers.ts';

function listDeviations(io: Output): number {
  const rows = [...allDeviations()].sort(([a], [b]) => a.localeCompare(b));
  for (const [id, { description }] of rows) io.out(`${id.padEnd(64)} ${description}`);
  io.err(`${rows.length} deviation(s); switch one on with --deviate <id> (repeatable)`);
  return 0;
}

/** At most this many records of a credential list in the banner: with --generate a family may hold thousands. */
const BANNER_RECORDS = 5;

/**
 * Keys of issued tokens: never printed. A token signed with the run's secret is a live credential (the seeded logins
 * and passwords are the documented defaults); a client gets its own by logging in, and --targets-dir writes them.
 */
const TOKEN_KEY = /^(token|jwt|access_?token|refresh_?token)$/i;

/**
 * A family's credentials as the banner shows them: issued tokens left out, every list cut to its first records with
 * how many are left out.
 */
export function bannerCredentials(credentials: unknown): unknown {
  if (Array.isArray(credentials)) return credentials.map(bannerCredentials);
  if (!credentials || typeof credentials !== 'object') return credentials;
  const shown: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(credentials)) {
    if (TOKEN_KEY.test(key)) continue;
    if (Array.isArray(value) && value.length > BANNER_RECORDS) {
      shown[key] = value.slice(0, BANNER_RECORDS).map(bannerCredentials);
      shown[`${key}NotShown`] = value.length - BANNER_RECORDS;
    } else shown[key] = bannerCredentials(value);
  }
  return shown;
}

/** What a user needs to start: every listener's URL, the seeded credentials, the control API. */
export async function bannerLines(mock: RunningMock): Promise<string[]> {
  const credentials = await mock.credentials();
  const lines = ['conform mock is ready'];
  for (const l of mock.listeners) lines.push(`  ${l.family.padEnd(11)} ${l.transport.padEnd(5)} ${l.url}`);
  for (const [family, creds] of Object.entries(credentials)) lines.push(`  ${family.padEnd(11)} credentials ${JSON.stringify(bannerCredentials(creds))}`);
  const profiles = mock.config.families.map((f) => `${f}=${mock.config.profiles[f]}`).join(', ');
  lines.push(`  profiles: ${profiles}${mock.config.deviate.length ? `; deviations: ${mock.config.deviate.join(', ')}` : ''}`);
  lines.push(`  control: ${CONTROL_PREFIX}health, POST ${CONTROL_PREFIX}reset, GET ${CONTROL_PREFIX}traffic on every HTTP listener${mock.config.controlToken ? ' (X-Conform-Token required)' : ''}`);
  if (mock.config.targetsDir) lines.push(`  target files written to ${mock.config.targetsDir} (with tokens for conform test)`);
  lines.push('  stop with Ctrl-C');
  return lines;
}

/** `conform mock`: starts the configured families and serves until SIGINT or SIGTERM. */
export async function runMock(flags: MockFlags, io: Output, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (flags.listDeviations) return listDeviations(io);
  // A worker of --workers N takes its configuration from the primary, which resolved it once.
  if (isWorkerProcess()) return runWorker();
  const file = flags.config ?? env.CONFORM_MOCK_CONFIG;
  const config = resolveMockConfig(
    { file: file ? readConfigFile(file) : undefined, env: configFromEnv(env), flags: configFromFlags(flags) },
    new Set(allDeviations().keys()),
  );
  checkWorkers(config);
  if ((config.workers ?? 1) > 1) return runPrimary(config, io);
  const mock = await startMock(config);
  for (const line of await bannerLines(mock)) io.out(line);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await mock.stop();
  io.err('conform mock stopped');
  return 0;
}

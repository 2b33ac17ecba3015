import type { Transport } from '../specs/families.ts';
import type { ToolErrorCode } from '../core/tool-error.ts';
import { offeredTransports, type Target } from '../target/target.ts';
import { probeHttp, probeMqtt, probeWs } from './probes.ts';
import { checkCredentials } from './credentials.ts';

export interface PreflightProblem {
  code: ToolErrorCode;
  message: string;
}

const PROBES: Record<Transport, (url: string) => Promise<string | undefined>> = { http: probeHttp, ws: probeWs, mqtt: probeMqtt };

/**
 * Before any test: every endpoint under test answers its protocol (in parallel, a few seconds at most), then the
 * credentials work. A target that fails here would fail every test slowly, one timeout at a time, and report
 * server findings that are really configuration errors; this ends the run in seconds with the reason instead.
 */
export async function preflight(target: Target, transports: readonly Transport[]): Promise<PreflightProblem[]> {
  const offered = offeredTransports(target, transports);
  // The fixtures of every family set up over HTTP, so its endpoint is probed even when only ws or mqtt is tested.
  const probed = target.http && !offered.includes('http') ? ['http' as const, ...offered] : offered;
  const problems: PreflightProblem[] = (
    await Promise.all(
      probed.map(async (t) => {
        const url = target[t] as string;
        const problem = await PROBES[t](url);
        return problem ? ({ code: 'CONFORM_ERR_UNREACHABLE', message: `the ${t} endpoint ${url} does not answer: ${problem}` } as PreflightProblem) : undefined;
      }),
    )
  ).filter((p): p is PreflightProblem => p !== undefined);
  // A login to an endpoint that does not answer would only repeat the problem.
  if (problems.some((p) => p.message.startsWith('the http endpoint'))) return problems;
  const credentials = await checkCredentials(target);
  if (credentials) problems.push(credentials);
  return problems;
}

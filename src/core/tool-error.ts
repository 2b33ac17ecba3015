/**
 * Every failure of the tool itself (not a finding about a server) has a stable code, a message that says
 * what to do, and an exit code. The list is documented in docs/errors.md; a test keeps the two in step.
 * It lives in the core so that every layer (config, server, runner, CLI) may raise one without importing the CLI.
 */
export const TOOL_ERRORS = {
  CONFORM_ERR_USAGE: { exitCode: 2, summary: 'The command line is wrong: unknown command, option or option value.' },
  CONFORM_ERR_SPECS_INVALID: { exitCode: 1, summary: 'The specification layer (specs/, schemas/) has problems; each is listed.' },
  CONFORM_ERR_DATA_FILE: { exitCode: 2, summary: 'A data file cannot be read or parsed.' },
  CONFORM_ERR_CONFIG: { exitCode: 2, summary: 'The mock configuration (file, environment or flags) is invalid.' },
  CONFORM_ERR_STATE: { exitCode: 2, summary: 'The --state file is not a state conform wrote (not JSON, truncated, wrong shape), or its path cannot be written.' },
  CONFORM_ERR_STORE: { exitCode: 2, summary: 'The --store value is malformed, or the Redis it names cannot be reached at start.' },
  CONFORM_ERR_LISTEN: { exitCode: 2, summary: 'A listener cannot bind its address (port in use, address not available).' },
  CONFORM_ERR_TARGET: { exitCode: 2, summary: 'The target file is missing, not JSON, or does not match schemas/target.schema.json.' },
  CONFORM_ERR_UNREACHABLE: { exitCode: 2, summary: 'An endpoint of the target does not answer (before the tests, or it stopped answering during them); the reports say so.' },
  CONFORM_ERR_CREDENTIALS: { exitCode: 2, summary: "The target refused the target's credentials (the admin's login, or a user's token is malformed or expired); no test ran." },
  CONFORM_ERR_BASELINE: { exitCode: 2, summary: 'The baseline is malformed or names a requirement id the target family does not have.' },
  CONFORM_ERR_NO_TESTS: { exitCode: 2, summary: 'The selection (--grep, --shard, --transport) ran no test.' },
  CONFORM_ERR_TIMEOUT: { exitCode: 2, summary: 'The run did not end within --global-timeout: it was stopped; the reports say which tests had not finished.' },
  CONFORM_ERR_RUN: { exitCode: 2, summary: 'The suites ended without writing their report (Playwright could not start or crashed).' },
  CONFORM_ERR_BUNDLE_OUT: { exitCode: 2, summary: 'conform certify: the --out folder is not empty, or cannot be created or written.' },
  CONFORM_ERR_KEY: { exitCode: 2, summary: 'A key file (--sign, --key) is missing, unreadable, or not an Ed25519 key in PEM of the kind the option needs.' },
  CONFORM_ERR_BUNDLE_UNREADABLE: { exitCode: 2, summary: 'conform verify: the bundle folder, its SHA256SUMS or its manifest.json is missing or cannot be read (or is not JSON).' },
  CONFORM_ERR_BUNDLE_INVALID: { exitCode: 1, summary: 'conform verify: the bundle does not hold (a checksum, the signature, the catalogue or the verdict); each problem is listed.' },
} as const;

export type ToolErrorCode = keyof typeof TOOL_ERRORS;

export class ToolError extends Error {
  readonly code: ToolErrorCode;
  readonly exitCode: number;
  constructor(code: ToolErrorCode, message: string) {
    super(message);
    this.name = 'ToolError';
    this.code = code;
    this.exitCode = TOOL_ERRORS[code].exitCode;
  }
}

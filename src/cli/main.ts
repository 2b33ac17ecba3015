import { Command, CommanderError, Option } from 'commander';
import { DataFileError } from '../specs/data-file.ts';
import { ToolError, toolErrorLine } from './errors.ts';
import { processRedactor } from '../core/redact.ts';
import type { Output } from './specs-command.ts';
import { splitList } from './specs-filter.ts';
import { collect, integer, portFlags, rate, recordCounts } from './mock-options.ts';
import { EXIT_CODES_HELP, packageVersion } from './exit-codes.ts';
import { FAMILIES } from '../specs/families.ts';
import { manifests } from '../families/lookup.ts';
import { generatedKinds } from '../families/generate.ts';

/**
 * What conform prints, redacted: a target's credentials can reach a message (an endpoint URL with user:password@).
 * Standard output only loses the known secrets: its JSON (conform specs --json) holds documented example passwords.
 */
const stdio: Output = {
  out: (text) => process.stdout.write(`${processRedactor.known(text)}\n`),
  err: (text) => process.stderr.write(`${processRedactor.text(text)}\n`),
};

/** "<family> <field>" for each family whose target logs in as an admin. */
function adminLogins(): string {
  return manifests().flatMap((m) => (m.adminLoginField ? [`${m.family} ${m.adminLoginField}`] : [])).join(', ');
}

/** "a, b and c". */
function inWords(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function buildProgram(io: Output, setExit: (code: number) => void, argv: readonly string[]): Command {
  const program = new Command('conform')
    .description('Turns API documents into executable truth: catalogue, mock servers, conformance suites.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .showHelpAfterError('(run conform --help for usage)')
    .version(packageVersion(), '-V, --version', 'print the version and exit')
    .addHelpText('after', EXIT_CODES_HELP);

  program
    .command('specs')
    .description('validate the requirement catalogue and print it (a table, or JSON with --json)')
    .addOption(new Option('--family <list>', `${FAMILIES.join(', ')} (comma-separated or repeated)`).argParser(splitList))
    .addOption(new Option('--category <list>', 'route, deprecated-alias, default, field-exclusion, role-restriction, envelope, validation, auth, transport').argParser(splitList))
    .addOption(new Option('--level <list>', 'MUST, SHOULD, MAY').argParser(splitList))
    .addOption(new Option('--transport <list>', 'http, ws, mqtt').argParser(splitList))
    .addOption(new Option('--operation <list>', 'an operation name, e.g. auth:updateSelf').argParser(splitList))
    .option('--json', 'print the requirements as JSON')
    .option('--counts', 'print the number of requirements per family and category')
    .option('--verify', 'also validate the OpenAPI/AsyncAPI descriptions and the generated types')
    .addOption(new Option('--changes <version>', "what was added, removed, re-levelled or changed in each family's catalogue since that version").argParser(integer(1, 1_000_000)))
    .action(async (options) => setExit(await (await import('./specs-command.ts')).runSpecs(options, io)));

  const testCommand = program
    .command('test')
    .description('certify an implementation: run the conformance suites against a target and write the reports')
    .addOption(new Option('--target <file>', 'target file: the family, its endpoints and credentials (schemas/target.schema.json); repeat it to certify several targets side by side').argParser((file: string, files: string[] = []) => [...files, file]))
    .option('--api <family>', `the target's family (${FAMILIES.join(', ')}); overrides the file and CONFORM_TARGET_API`)
    .option('--name <name>', 'the target\'s name in the reports; overrides CONFORM_TARGET_NAME')
    .option('--http <url>', 'the HTTP endpoint; overrides the file and CONFORM_TARGET_HTTP')
    .option('--ws <url>', 'the WebSocket endpoint; overrides the file and CONFORM_TARGET_WS')
    .option('--mqtt <url>', 'the MQTT endpoint; overrides the file and CONFORM_TARGET_MQTT')
    .option('--auth <json>', 'the whole auth object as JSON; overrides the file and CONFORM_TARGET_AUTH')
    .option('--username <name>', `the admin's login (${adminLogins()}); overrides CONFORM_TARGET_USERNAME`)
    .option('--password <password>', 'the admin\'s password (prefer CONFORM_TARGET_PASSWORD: command lines are visible to other users)')
    .option('--tenant <name>', 'certify one tenant of a shared conform mock (its HTTP and WebSocket paths get /__tenant/<name>, its MQTT usernames the <name>: prefix); overrides the file and CONFORM_TARGET_TENANT')
    .option('--mock', 'certify the built-in mock (started on free ports), every family unless --family')
    .option('--mock-url <url>', 'certify a running conform mock (any of its HTTP listeners, e.g. a shared one on Redis): its targets come from its control API, every family unless --family; with --tenant, that tenant (CONFORM_CONTROL_TOKEN: its --control-token)')
    .addOption(new Option('--family <list>', 'with --mock or --mock-url: the families to certify').argParser(collect))
    .addOption(new Option('--transport <list>', 'http, ws, mqtt (default: every transport the target offers)').argParser(collect))
    .option('--report-dir <dir>', 'where conformance.json, conformance.html, junit.xml and summary.md go (default reports)')
    .option('--baseline <file>', 'known failures that do not count: a JSON {id: {why, transports?, expires?}} or a profile from specs/profiles')
    .option('--allow-stale-baseline', 'a baseline entry whose requirement now passes is reported, not failed (exit 1 otherwise)')
    .option('--update-baseline', 'write the --baseline file from this run: its failures, how each answered, passing entries removed')
    .option('--grep <pattern>', 'only the tests whose name (requirement id) matches')
    .addOption(new Option('--workers <n>', 'parallel Playwright workers (default 4; a suite may limit its own)').argParser(integer(1, 64)))
    .option('--shard <i/n>', "run one shard of n (Playwright's --shard); merge the blob reports with conform merge-reports")
    .addOption(new Option('--timeout <ms>', 'timeout of each test (default 20000)').argParser(integer(1000, 600_000)))
    .addOption(new Option('--global-timeout <seconds>', 'stop the whole run after this long, reports written, exit 2 CONFORM_ERR_TIMEOUT (default 600)').argParser(integer(1, 86_400)))
    .addOption(new Option('--generate <n>', 'generated cases per operation and transport in the generative phase (default 5; 0 skips the phase)').argParser(integer(0, 1000)))
    .addOption(new Option('--generate-seed <n>', "the generative phase's seed (default: random, printed and recorded in the report): the same seed gives the same cases").argParser(integer(-2_147_483_648, 2_147_483_647)))
    .addOption(new Option('--reporter <name>', "the console: conform's line per test (default), or Playwright's list, line, dot, github").choices(['conform', 'list', 'line', 'dot', 'github']))
    .option('--quiet', 'print only the summary (the reports are written as always)')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (options) => setExit(await (await import('./test-command.ts')).runTest(options, io)));

  // conform certify takes every option of conform test but where the reports go (--out) and --shard (a certificate
  // is of a whole run), so the two never drift apart.
  const certify = program
    .command('certify')
    .description('run the suites like conform test and write a certification bundle anyone can check with conform verify')
    .requiredOption('--out <dir>', 'the bundle folder (new or empty): manifest.json, the reports, every transcript, README.md, SHA256SUMS')
    .option('--sign <private-key.pem>', 'also sign SHA256SUMS (SHA256SUMS.sig) with this Ed25519 private key (openssl genpkey -algorithm ed25519)');
  for (const option of testCommand.options) if (!['--report-dir', '--shard'].includes(option.long ?? '')) certify.addOption(option);
  certify
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (options) => setExit(await (await import('./certify-command.ts')).runCertify(options, io, argv.slice(argv.indexOf('certify') + 1))));

  program
    .command('verify')
    .description('check a certification bundle: its checksums, its signature (--key), its requirement set against this conform\'s, its verdict')
    .argument('<dir>', 'the folder conform certify --out wrote')
    .option('--key <public-key.pem>', 'the signer\'s Ed25519 public key: SHA256SUMS.sig must be its signature')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (dir: string, options) => setExit(await (await import('./verify-command.ts')).runVerify(dir, options, io)));

  program
    .command('merge-reports')
    .description("merge the blob reports of conform test --shard runs into one set of reports")
    .argument('<blob-dir...>', 'the folders (or .zip files) the shards wrote: <report-dir>/blob-<i>-of-<n>/')
    .option('--target <file>', 'the target the shards certified (its credentials are not needed)')
    .option('--api <family>', 'the family, when there is no target file (or CONFORM_TARGET_API)')
    .option('--name <name>', 'the target\'s name in the reports (or CONFORM_TARGET_NAME)')
    .option('--http <url>', 'the HTTP endpoint for the report header (or CONFORM_TARGET_HTTP)')
    .option('--ws <url>', 'the WebSocket endpoint (or CONFORM_TARGET_WS)')
    .option('--mqtt <url>', 'the MQTT endpoint (or CONFORM_TARGET_MQTT)')
    .addOption(new Option('--transport <list>', 'the transports the shards tested (default: every endpoint given)').argParser(collect))
    .option('--report-dir <dir>', 'where the merged reports go (default reports)')
    .option('--baseline <file>', 'the baseline the shards used')
    .option('--allow-stale-baseline', 'a baseline entry whose requirement now passes is reported, not failed')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (dirs: string[], options) => setExit(await (await import('./merge-command.ts')).runMerge(dirs, options, io)));

  program
    .command('diff')
    .description('what changed between two runs of one family: newly failing, newly passing, changed per transport, catalogue changes')
    .argument('<old>', 'a conformance.json, a report folder or a certification bundle')
    .argument('<new>', 'the same, of the later run')
    .addOption(new Option('--format <format>', 'markdown (a pull-request comment, default) or json').choices(['markdown', 'json']))
    .option('--out <file>', 'write the diff to a file instead of the standard output')
    .addHelpText('after', '\nExit codes: 0 nothing newly failing, 1 a requirement newly failing (a regression), 2 usage or unreadable report.')
    .action(async (oldWhere: string, newWhere: string, options) => setExit((await import('./diff-command.ts')).runDiff(oldWhere, newWhere, options, io)));

  program
    .command('history')
    .description('the trend per requirement across runs: when each started or stopped failing (text, and an HTML page)')
    .argument('<dir...>', 'folders holding conformance.json files (report folders, bundles), searched a few levels deep')
    .option('--html <file>', 'where the page goes (default: history.html in the first folder)')
    .action(async (dirs: string[], options) => setExit((await import('./history-command.ts')).runHistory(dirs, options, io)));

  const port = integer(0, 65535);
  const mock = program
    .command('mock')
    .description(`serve the mock: ${inWords(FAMILIES)} over HTTP, WebSocket and MQTT`)
    .option('--config <file>', 'configuration file (YAML or JSON, schemas/mock/config.json); env CONFORM_MOCK_CONFIG')
    .addOption(new Option('--family <list>', 'families to serve (default: all)').argParser(collect))
    .option('--host <host>', 'address to bind (default 127.0.0.1)')
    .option('--ephemeral', 'bind every listener to a free port (the URLs are printed)');
  for (const flag of portFlags()) mock.addOption(new Option(`${flag.flag} <port>`, flag.description).argParser(port));
  mock
    .option('--seed <file>', `seed data per family (YAML or JSON: {${FAMILIES.map((f) => `${f}: …`).join(', ')}})`)
    .option('--jwt-secret <secret>', 'HMAC secret of the issued tokens (default: random per run)')
    .addOption(new Option('--token-ttl <seconds>', 'token lifetime (default 3600)').argParser(integer(1, 31_536_000)))
    .addOption(new Option('--latency <ms>', 'fixed latency added to every request').argParser(integer(0, 60_000)))
    .addOption(new Option('--jitter <ms>', 'random extra latency, 0..ms').argParser(integer(0, 60_000)))
    .addOption(new Option('--error-rate <rate>', 'fraction of requests answered with an injected server error').argParser(rate))
    .addOption(new Option('--drop-rate <rate>', 'fraction of requests whose connection is dropped').argParser(rate))
    .addOption(new Option('--fault-seed <n>', 'seed of the fault generator (reproducible runs)').argParser(integer(-2_147_483_648, 2_147_483_647)))
    .addOption(new Option('--refresh-delay <ms>', 'how long writes without refresh=wait_for stay invisible to searches (default 1000)').argParser(integer(0, 60_000)))
    .addOption(new Option('--conflict-window <ms>', 'an update with retryOnConflict=0 conflicts with any write of its document within this time (default 0: one event-loop turn)').argParser(integer(0, 60_000)))
    .addOption(new Option('--profile <name>', `documented (default), ${manifests().flatMap((m) => m.profiles).join(', ')} (repeatable)`).argParser(collect))
    .addOption(new Option('--deviate <requirement-id>', 'deliberately violate a requirement (repeatable)').argParser(collect))
    .option('--state <file>', 'keep the state in this file across restarts')
    .option('--store <memory|redis-url>', 'where the state lives: memory (default) or redis://host:6379/0, shared by every mock process on it; env CONFORM_MOCK_STORE')
    .option('--tenant-header <name>', 'the request header that names the tenant (default X-Conform-Tenant); /__tenant/<name>/ before the path does too')
    .option('--targets-dir <dir>', 'write one target file per family for conform test')
    .option('--control-token <token>', 'require this token (X-Conform-Token header) on every control API call')
    .addOption(new Option('--generate <kind=count,…>', `fill each family's state with generated records (${[...generatedKinds()].join(', ')}), e.g. users=1000,profiles=50`).argParser(recordCounts))
    .addOption(new Option('--generate-seed <n>', 'seed of the record generator (default 1: the same seed gives the same records)').argParser(integer(-2_147_483_648, 2_147_483_647)))
    .option('--store-prefix <prefix>', 'first part of this deployment\'s Redis keys and channels (default conform), so deployments can share one Redis; env CONFORM_MOCK_STORE_PREFIX')
    .addOption(new Option('--workers <n>', 'processes serving the listeners on this machine (node:cluster, 1 to 64; more than 1 needs --store redis://…); env CONFORM_MOCK_WORKERS').argParser(integer(1, 64)))
    .option('--list-deviations', 'list the deviations the mock can switch on, and exit')
    .action(async (options) => setExit(await (await import('./mock-command.ts')).runMock(options, io)));

  return program;
}

/** Runs the CLI with these arguments; returns the exit code, never throws. */
export async function main(argv: string[], io: Output = stdio): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  }, argv);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are "errors" to commander; they succeed for the user.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof ToolError) {
      io.err(toolErrorLine(error));
      return error.exitCode;
    }
    if (error instanceof DataFileError) {
      io.err(`conform: ${error.message} [CONFORM_ERR_DATA_FILE]`);
      return 2;
    }
    io.err(`conform: unexpected error: ${(error as Error).stack ?? String(error)}`);
    return 70;
  }
}

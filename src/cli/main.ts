import { Command, CommanderError, Option } from 'commander';
import { DataFileError } from '../specs/data-file.ts';
import { ToolError } from './errors.ts';
import { runSpecs, type Output } from './specs-command.ts';
import { splitList } from './specs-filter.ts';

const stdio: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

function buildProgram(io: Output, setExit: (code: number) => void): Command {
  const program = new Command('conform')
    .description('Turns API documents into executable truth: catalogue, mock servers, conformance suites.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .showHelpAfterError('(run conform --help for usage)');

  program
    .command('specs')
    .description('validate the requirement catalogue and print it (a table, or JSON with --json)')
    .addOption(new Option('--family <list>', 'kuzzle, devicehive, userapi (comma-separated or repeated)').argParser(splitList))
    .addOption(new Option('--category <list>', 'route, deprecated-alias, default, field-exclusion, role-restriction, envelope, validation, auth, transport').argParser(splitList))
    .addOption(new Option('--level <list>', 'MUST, SHOULD, MAY').argParser(splitList))
    .addOption(new Option('--transport <list>', 'http, ws, mqtt').argParser(splitList))
    .addOption(new Option('--operation <list>', 'an operation name, e.g. auth:updateSelf').argParser(splitList))
    .option('--json', 'print the requirements as JSON')
    .option('--counts', 'print the number of requirements per family and category')
    .option('--verify', 'also validate the OpenAPI/AsyncAPI descriptions and the generated types')
    .action(async (options) => setExit(await runSpecs(options, io)));

  return program;
}

/** Runs the CLI with these arguments; returns the exit code, never throws. */
export async function main(argv: string[], io: Output = stdio): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are "errors" to commander; they succeed for the user.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof ToolError) {
      io.err(`conform: ${error.message} [${error.code}]`);
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

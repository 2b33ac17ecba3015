import fs from 'node:fs';
import path from 'node:path';
import { schemaValidator } from '../core/validation.ts';
import { formatAjvErrors } from '../core/ajv-errors.ts';
import { ToolError } from '../core/tool-error.ts';

/** The --state file's content: each family's exported state, by family name (schemas/mock/state.json). */
export type StateContent = Record<string, unknown>;

function refuse(file: string, reason: string): ToolError {
  return new ToolError('CONFORM_ERR_STATE', `state file ${file}: ${reason}; conform leaves it as it is (fix or move it, or choose another --state path)`);
}

/** errno codes in words, so the message says what to do without Node's "ENOTDIR: not a directory, open '…'". */
function fsReason(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a parent of the path is a regular file, not a directory';
    case 'EISDIR':
      return 'the path is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return error.code ? `cannot be used (${error.code})` : 'cannot be used';
  }
}

/**
 * Reads and checks the state at start. A missing file is a first run (undefined); anything else that is not a state
 * conform wrote is refused with CONFORM_ERR_STATE: silently starting from the seed would wipe the file at the first
 * write. The families check their records further when they import them (the caller wraps their errors the same way).
 */
export function readStateFile(file: string): StateContent | undefined {
  let text: string;
  try {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat === undefined) return undefined;
    if (!stat.isFile()) throw refuse(file, stat.isDirectory() ? 'the path is a directory' : 'not a regular file');
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof ToolError) throw error;
    throw refuse(file, fsReason(error as NodeJS.ErrnoException));
  }
  if (text.trim() === '') throw refuse(file, 'the file is empty (truncated?)');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw refuse(file, `not JSON, or truncated (${(error as Error).message})`);
  }
  const validate = schemaValidator('mock/state.json');
  if (!validate(data)) throw refuse(file, `does not match schemas/mock/state.json: ${formatAjvErrors(validate.errors?.slice(0, 3), 'params')}`);
  return data as StateContent;
}

/** The wrapping of a family's own refusal of its part of the file. */
export function refusedByFamily(file: string, family: string, error: unknown): ToolError {
  return refuse(file, `the ${family} state is not one it can load: ${(error as Error).message}`);
}

function temporaryOf(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
}

/** The temporary file of a failed write: it may not exist, or its path may be impossible (a parent is a file). */
function removeQuietly(temporary: string): void {
  try {
    fs.rmSync(temporary, { force: true });
  } catch {
    // Nothing was created there.
  }
}

/** fsync of the directory, so the rename itself survives a power loss (Linux; elsewhere it may not be allowed). */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Opening a directory is refused on some platforms (Windows): the rename is then as durable as the OS makes it.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Checks the path can hold the file before anything listens: its directory is created, not a file in its way. */
export function prepareStatePath(file: string): void {
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  } catch (error) {
    throw refuse(file, fsReason(error as NodeJS.ErrnoException));
  }
}

/**
 * Replaces the file atomically and durably: a temporary file in the same directory, written and fsync'd, renamed
 * over the file, then the directory fsync'd. A crash at any point leaves the old file or the new one, never half.
 */
export function writeStateFileSync(file: string, text: string): void {
  const temporary = temporaryOf(file);
  try {
    const fd = fs.openSync(temporary, 'w');
    try {
      fs.writeFileSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, file);
  } catch (error) {
    removeQuietly(temporary);
    throw refuse(file, fsReason(error as NodeJS.ErrnoException));
  }
  syncDirectory(path.dirname(path.resolve(file)));
}

/** The same, without blocking the event loop: what each acknowledged write waits for. */
export async function writeStateFile(file: string, text: string): Promise<void> {
  const temporary = temporaryOf(file);
  try {
    const handle = await fs.promises.open(temporary, 'w');
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temporary, file);
  } catch (error) {
    removeQuietly(temporary);
    throw refuse(file, fsReason(error as NodeJS.ErrnoException));
  }
  try {
    const dir = await fs.promises.open(path.dirname(path.resolve(file)), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    // As in syncDirectory: not every platform lets a directory be opened.
  }
}

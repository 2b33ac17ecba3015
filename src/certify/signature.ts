import crypto, { type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import { ToolError } from '../core/tool-error.ts';

/** How to make a key the options take, for the error messages. */
const MAKE_PRIVATE = 'make one with: openssl genpkey -algorithm ed25519 -out key.pem';
const MAKE_PUBLIC = 'derive it with: openssl pkey -in key.pem -pubout -out key.pub.pem';

function readPem(file: string, option: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ToolError('CONFORM_ERR_KEY', `${option} ${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/** The Ed25519 private key of --sign. The key's text never reaches a message: only what kind of key it is. */
export function readPrivateKey(file: string): KeyObject {
  const pem = readPem(file, '--sign');
  let key: KeyObject;
  try {
    key = crypto.createPrivateKey(pem);
  } catch (error) {
    const encrypted = /ENCRYPTED/.test(pem) || (error as { code?: string }).code === 'ERR_MISSING_PASSPHRASE';
    throw new ToolError('CONFORM_ERR_KEY', `--sign ${file}: ${encrypted ? 'an encrypted private key (there is no passphrase prompt: decrypt it with openssl pkey -in it -out plain.pem)' : `not a private key in PEM (${MAKE_PRIVATE})`}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new ToolError('CONFORM_ERR_KEY', `--sign ${file}: a ${key.asymmetricKeyType ?? 'symmetric'} key, not Ed25519 (${MAKE_PRIVATE})`);
  return key;
}

/** The Ed25519 public key of --key; a private key file is refused, so that nobody is led to hand one out. */
export function readPublicKey(file: string): KeyObject {
  const pem = readPem(file, '--key');
  if (/PRIVATE KEY/.test(pem)) throw new ToolError('CONFORM_ERR_KEY', `--key ${file}: a private key; give the public one (${MAKE_PUBLIC}) and keep the private key to yourself`);
  let key: KeyObject;
  try {
    key = crypto.createPublicKey(pem);
  } catch {
    throw new ToolError('CONFORM_ERR_KEY', `--key ${file}: not a public key in PEM (${MAKE_PUBLIC})`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new ToolError('CONFORM_ERR_KEY', `--key ${file}: a ${key.asymmetricKeyType ?? 'symmetric'} key, not Ed25519`);
  return key;
}

/** The detached signature of the data: Ed25519 takes no digest of its own (null), it hashes the message itself. */
export function sign(data: Buffer, key: KeyObject): Buffer {
  return crypto.sign(null, data, key);
}

export function verifySignature(data: Buffer, signature: Buffer, key: KeyObject): boolean {
  try {
    return crypto.verify(null, data, key, signature);
  } catch {
    return false; // a signature of the wrong length is a signature that does not match
  }
}

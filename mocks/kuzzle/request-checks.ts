import type { Behaviour } from '../../src/core/behaviour.ts';
import { kerror } from './errors.ts';
import type { ApiRequest } from './request.ts';

/** The minimum major version of each official SDK (lib/config/sdkCompatibility.json). */
const SDK_MINIMUM: Record<string, number> = { js: 7, csharp: 2, cpp: 2, java: 3, android: 5, go: 3, php: 4 };

/**
 * funnel._checkSdkVersion (funnel.js:915-957): v1 SDKs send volatile.sdkVersion; others send sdkName "js@7.x". Only the
 * first character of the version is compared, as a string, like Kuzzle's satisfiesMajor.
 */
export function checkSdkVersion(request: ApiRequest): void {
  const sdkVersion = request.volatile?.sdkVersion;
  if (sdkVersion) throw kerror('api.process.incompatible_sdk_version', sdkVersion, 'Kuzzle v2');
  const sdkName = request.volatile?.sdkName;
  if (typeof sdkName !== 'string' || sdkName === '') return;
  const at = sdkName.indexOf('@');
  const name = sdkName.slice(0, Math.max(at, 0));
  const version = sdkName.slice(at + 1);
  const minimum = SDK_MINIMUM[name];
  if (name === '' || version === '' || minimum === undefined) return;
  if ((version[0] ?? '') < String(minimum)) {
    throw kerror('api.process.incompatible_sdk_version', version, `min: ${minimum}, max: none`);
  }
}

/** Every argument some action in scope reads, plus the request's own keys. */
const KNOWN_ARGUMENTS = new Set([
  '_id', 'index', 'collection', 'requestId', 'refresh', 'retryOnConflict', 'strict', 'force', 'strategy', 'expiresIn',
  'reset', 'kuid', 'onAssignedUsers', 'from', 'size', 'scroll', 'lang', 'global', 'targets', 'username', 'password',
]);

/**
 * kuzzle.all.validation.unknown-arguments-ignored: Kuzzle ignores arguments it does not read (kuzzle-sdk sends verb,
 * cookieAuth...); the deviation rejects them with 400 api.assert.unexpected_argument.
 */
export function rejectUnknownArguments(behaviour: Behaviour, request: ApiRequest): void {
  if (!behaviour.deviates('kuzzle.all.validation.unknown-arguments-ignored')) return;
  const unknown = Object.keys(request.args).find((key) => !KNOWN_ARGUMENTS.has(key));
  if (unknown !== undefined) throw kerror('api.assert.unexpected_argument', unknown, [...KNOWN_ARGUMENTS].join(', '));
}

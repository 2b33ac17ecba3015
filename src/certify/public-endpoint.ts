import { isSecretKey } from '../core/redact.ts';

/**
 * An endpoint as a certificate may show it: no user:password@ (the user name goes too: it is half a credential and
 * says nothing about conformance), no query parameter whose name holds a secret (token=, apikey=, …). Text that is
 * not a URL is kept only up to its first character that could start a credential.
 */
export function publicEndpoint(endpoint: string): string {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return endpoint.replace(/[@?#].*$/s, '');
  }
  const secretParams = [...url.searchParams.keys()].filter(isSecretKey);
  // Untouched when there is nothing to remove: URL's own serialization would add a "/" the target did not write.
  if (!url.username && !url.password && secretParams.length === 0 && !url.hash) return endpoint;
  url.username = '';
  url.password = '';
  for (const key of secretParams) url.searchParams.delete(key);
  url.hash = '';
  return url.toString();
}

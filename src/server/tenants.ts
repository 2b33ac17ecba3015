import type { FamilyMock } from '../core/family.ts';

/** The tenant of a request that names none: today's single state. */
export const DEFAULT_TENANT = 'default';
/** What a client that cannot set a header puts before the path: /__tenant/<name>/… (removed before the family sees it). */
export const TENANT_PATH_PREFIX = '/__tenant/';
export const TENANT_PATTERN = /^[a-z0-9-]{1,40}$/;
/** Each tenant is a state of every family in memory: bounded, so a client cannot make the process grow without end. */
export const MAX_TENANTS = 1000;

export type TenantChoice = { ok: true; tenant: string; url: string } | { ok: false; reason: string };

/**
 * The tenant a request names, by the path prefix or else by the header (lower-cased name), and the URL the family
 * sees (prefix removed). A malformed name is refused, never mapped to another tenant.
 */
export function tenantOf(url: string, headers: Record<string, string | string[] | undefined>, headerName: string): TenantChoice {
  if (url.startsWith(TENANT_PATH_PREFIX)) {
    const rest = url.slice(TENANT_PATH_PREFIX.length);
    const end = rest.search(/[/?]/);
    const name = decodeURIComponent(end === -1 ? rest : rest.slice(0, end));
    const tail = end === -1 ? '/' : rest.slice(end);
    if (!TENANT_PATTERN.test(name)) return { ok: false, reason: invalid(name) };
    return { ok: true, tenant: name, url: tail.startsWith('?') ? `/${tail}` : tail };
  }
  const header = headers[headerName.toLowerCase()];
  if (header === undefined) return { ok: true, tenant: DEFAULT_TENANT, url };
  const name = Array.isArray(header) ? header.join(',') : header;
  if (!TENANT_PATTERN.test(name)) return { ok: false, reason: invalid(name) };
  return { ok: true, tenant: name, url };
}

/**
 * The tenant an MQTT username names: "<tenant>:<user>" (":" alone after the tenant: no username, for a family
 * whose clients send none), else the default tenant with the username as it is.
 */
export function mqttTenantOf(username: string | undefined): { ok: true; tenant: string; username: string | undefined } | { ok: false; reason: string } {
  const colon = username?.indexOf(':') ?? -1;
  if (username === undefined || colon <= 0) return { ok: true, tenant: DEFAULT_TENANT, username };
  const name = username.slice(0, colon);
  if (!TENANT_PATTERN.test(name)) return { ok: false, reason: invalid(name) };
  const rest = username.slice(colon + 1);
  return { ok: true, tenant: name, username: rest === '' ? undefined : rest };
}

function invalid(name: string): string {
  return `invalid tenant "${name.slice(0, 60)}": expected 1 to 40 of a-z, 0-9 and "-"`;
}

/** One family's mocks, one per tenant, each created from the seed on first use. */
export class TenantMocks {
  private readonly mocks = new Map<string, FamilyMock>();

  constructor(private readonly create: (tenant: string) => FamilyMock) {}

  /** The tenant's mock, created if new; undefined once MAX_TENANTS exist. */
  get(tenant: string): FamilyMock | undefined {
    let mock = this.mocks.get(tenant);
    if (!mock) {
      if (this.mocks.size >= MAX_TENANTS) return undefined;
      mock = this.create(tenant);
      this.mocks.set(tenant, mock);
    }
    return mock;
  }

  entries(): Array<[string, FamilyMock]> {
    return [...this.mocks];
  }
}

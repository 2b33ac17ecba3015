import type { HttpRequest, HttpResponse } from '../../src/core/http-exchange.ts';
import type { DeviceHiveContext } from './context.ts';
import type { Failure } from './failure.ts';
import type { Principal } from './principal.ts';

/** One REST request on its way to a route: the principal the filter found, and the {id} of the path if any. */
export interface RestCall {
  ctx: DeviceHiveContext;
  request: HttpRequest;
  principal: Principal | undefined;
  /** The numeric {id} of /user/{id}. */
  id?: number;
}

export type RestHandler = (call: RestCall) => Promise<HttpResponse | Failure> | HttpResponse | Failure;

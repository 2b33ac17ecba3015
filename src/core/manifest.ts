/**
 * What a family declares about itself as plain data, so the CLI flags, the configuration defaults, the schemas'
 * enums, the listener URLs and the specification checks are all derived from it rather than written per family.
 * A family is a string here: the core knows no family by name.
 */
export type TransportName = 'http' | 'ws' | 'mqtt';

/** One port the family listens on. The 'http' port also carries the WebSocket upgrade when the family has one. */
export interface PortSpec {
  /** The real server's default port. */
  readonly defaultPort: number;
  /** The `conform mock` flag that sets it, e.g. "--<family>-mqtt-port". */
  readonly flag: string;
  /** The flag's help, without the default (added from defaultPort). */
  readonly help: string;
}

/**
 * How long the real server waits for a slow client, in milliseconds; 0 means no limit. A request cut by one of these
 * is closed without an answer, as the real servers do.
 */
export interface HttpTimeouts {
  /** From the first byte of a request to the end of its headers. */
  readonly headersMs: number;
  /** From the first byte of a request to the end of its body. */
  readonly requestMs: number;
  /** Silence on a connection in the middle of a request. */
  readonly idleMs: number;
  /** Silence on a kept-alive connection between two requests. */
  readonly keepAliveMs: number;
}

export interface FamilyManifest {
  readonly family: string;
  /** The family's name as people write it, e.g. "WebSocket API" for "websocket-api". */
  readonly title: string;
  readonly transports: readonly TransportName[];
  /** The ports it listens on, by config key: always 'http', and 'mqtt' when it speaks MQTT. */
  readonly ports: { readonly http: PortSpec; readonly mqtt?: PortSpec };
  /** Where its HTTP routes and its WebSocket endpoint are mounted on the http port ('' for the root). */
  readonly paths: { readonly http: string; readonly ws?: string };
  /** The real-server profiles it ships (specs/profiles/<name>.yaml), besides "documented". */
  readonly profiles: readonly string[];
  /**
   * How a target file's auth is made from the seeded credentials: as they are, or one list whose entries keep only
   * some fields (e.g. tokens without passwords).
   */
  readonly targetAuth: { readonly kind: 'as-seeded' } | { readonly kind: 'list'; readonly list: string; readonly fields: readonly string[] };
  /** The MQTT topic plain requests are published on, which its MQTT transcripts do not record. */
  readonly mqttRequestTopic?: string;
  /** The field of the admin's login in the target file's auth.admin, when the target logs in as an admin. */
  readonly adminLoginField?: string;
  /**
   * How the pre-flight tries a target's credentials the way the suite uses them, before any test: the admin logs in
   * over HTTP (POST `path` with {<adminLoginField>, password}: a success is one of `statuses` with a string at the
   * `token` path of the JSON answer; a refusal's reason is the first string at one of the `reason` paths), or each
   * user of the auth's `list` carries a JWT whose payload has an integer `sub` and does not expire within a minute.
   */
  readonly credentialsCheck?:
    | { readonly kind: 'admin-login'; readonly path: string; readonly statuses: readonly number[]; readonly token: readonly string[]; readonly reason: ReadonlyArray<readonly string[]> }
    | { readonly kind: 'user-tokens'; readonly list: string };
  /** The routes the family's documents name; its OpenAPI description must have each and mark the deprecated alias. */
  /** The real server's timeouts on its HTTP port. */
  readonly httpTimeouts: HttpTimeouts;
  /** The real server compresses an answer with gzip or deflate when the request's Accept-Encoding allows it. */
  readonly httpCompression?: boolean;
  /**
   * What the WebSocket does with a frame over the size limit: 'close-1009' sends a close frame with 1009 (Message Too
   * Big); 'drop' cuts the TCP connection with no close frame, so the client sees 1006.
   */
  readonly wsOversize?: 'close-1009' | 'drop';
  readonly documentedRoutes: ReadonlyArray<{ readonly method: string; readonly path: string; readonly deprecated?: boolean }>;
}

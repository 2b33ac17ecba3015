/**
 * What the Kuzzle mock does instead when a requirement is switched off (`conform mock --deviate <id>`, or a real
 * server's profile: kuzzle-2.56 switches on result-version and force-false). Each is enforced at one place, marked
 * with the requirement id in a comment.
 */
export const deviations: Record<string, string> = {
  'kuzzle.updateSelf.route.me': 'PUT /_me answers 404 network.http.url_not_found, as if the route did not exist',
  'kuzzle.updateSelf.route.message': 'over WebSocket and MQTT, auth:updateSelf answers 404 api.process.action_not_found',
  'kuzzle.updateSelf.route.top-level-merge': "updateSelf replaces the user's properties with the body instead of merging them",
  'kuzzle.updateSelf.validation.free-properties': 'updateSelf stores every property value as a string (numbers, booleans and lists are JSON-encoded)',
  'kuzzle.updateSelf.deprecated-alias.update-self': 'PUT /_updateSelf answers 404 network.http.url_not_found',
  'kuzzle.updateSelf.default.refresh-wait-for': 'without refresh, updateSelf does not wait for indexation: searches see the change only after the refresh delay',
  'kuzzle.updateSelf.default.retry-on-conflict': 'updateSelf refuses any retryOnConflict argument with 400 api.assert.invalid_type',
  'kuzzle.updateSelf.default.retry-on-conflict-concurrency':
    'updateSelf without retryOnConflict does not retry (default 0 instead of 10): concurrent updates of one user conflict with 500 services.storage.too_many_changes',
  'kuzzle.updateSelf.field-exclusion.profile-ids-unchanged': 'a profileIds array in the updateSelf body is stored on the user',
  'kuzzle.updateSelf.field-exclusion.id-not-retargeted': 'an _id in the updateSelf body naming an existing user makes the update apply to that user',
  'kuzzle.updateSelf.role-restriction.no-self-escalation': 'updateSelf applies body.profileIds, so a user can give itself the admin profile and its rights',
  'kuzzle.updateSelf.auth.token-required': 'updateSelf without a token, or with an invalid one, answers 200 with the anonymous user merged with the body (nothing stored)',
  'kuzzle.updateSelf.auth.authorization-header': 'over HTTP, updateSelf ignores the Authorization header and so runs as the anonymous user (401)',
  'kuzzle.updateSelf.auth.jwt-argument': "over WebSocket and MQTT, every updateSelf of a connection runs with the token of its first updateSelf, whatever its jwt",
  'kuzzle.updateSelf.envelope.success': 'a successful updateSelf envelope has no controller and no action',
  'kuzzle.updateSelf.envelope.result-user': "updateSelf's result._source is the user as it was before the update",
  'kuzzle.updateSelf.envelope.no-credentials': "updateSelf's result._source carries the user's local credentials, password included",
  'kuzzle.updateProfile.route.http': 'PUT /profiles/<_id>/_update answers 404 network.http.url_not_found',
  'kuzzle.updateProfile.route.message': 'over WebSocket and MQTT, security:updateProfile answers 404 api.process.action_not_found',
  'kuzzle.updateProfile.route.partial-update': 'updateProfile replaces the definition: keys absent from the body are reset (policies [{roleId: "default"}], rateLimit 0)',
  'kuzzle.updateProfile.default.refresh-wait-for': 'without refresh, updateProfile does not wait for indexation: searches see the change only after the refresh delay',
  'kuzzle.updateProfile.default.retry-on-conflict': 'updateProfile refuses any retryOnConflict argument with 400 api.assert.invalid_type',
  'kuzzle.updateProfile.default.force-false':
    'as Kuzzle 2.56: restrictions to missing indexes or collections are accepted unless the opt-in strict is set (then 412 services.storage.unknown_index / unknown_collection); force is not read',
  'kuzzle.updateProfile.validation.force-allows-missing': 'force is ignored: restrictions to missing indexes or collections are refused with 412 even with force',
  'kuzzle.updateProfile.validation.definition-accepted': 'policies carrying restrictedTo are refused with 400 api.assert.unexpected_argument',
  'kuzzle.updateProfile.validation.id-required': 'an updateProfile without _id (or with an empty one) updates the default profile',
  'kuzzle.updateProfile.validation.unknown-profile': 'updateProfile on an unknown profile creates it',
  'kuzzle.updateProfile.auth.token': "updateProfile never reads the caller's token: every call runs as the anonymous user (401)",
  'kuzzle.updateProfile.envelope.success': 'a successful updateProfile envelope has no requestId',
  'kuzzle.updateProfile.envelope.result-version': 'as Kuzzle 2.56: the result is {_id, _source} (policies, optimizedPolicies, rateLimit, _kuzzle_info), without _version',
  'kuzzle.all.envelope.http-status': 'every HTTP response has status line 200, errors included (the envelope keeps the real status)',
  'kuzzle.all.envelope.error': 'error objects have no status',
  'kuzzle.all.envelope.request-id-echo': 'WebSocket and MQTT responses carry a fresh requestId instead of the request\'s (room keeps the request\'s)',
  'kuzzle.all.transport.ws-room': 'WebSocket responses have no room',
  'kuzzle.all.transport.ws-heartbeat': 'the WebSocket message {"p":1} is treated as an API request (400 missing controller) instead of getting {"p":2}',
  'kuzzle.all.transport.mqtt-response-topic': 'MQTT responses are delivered on Kuzzle/responses instead of Kuzzle/response',
  'kuzzle.all.transport.mqtt-requester-only': 'every MQTT response is delivered to every connected client, not only to the requester (an answer broadcast)',
  'kuzzle.all.route.public-api': 'GET /_publicApi (and server:info) leave out auth:updateSelf, auth:getCurrentUser and security:updateProfile',
  'kuzzle.updateSelf.auth.expired-token-refused': 'an expired token still authenticates: the signature is checked, the expiry is not',
  'kuzzle.all.auth.expired-token': 'an expired token answers 401 security.token.expired ("Token expired"), which kuzzle-sdk does not treat as expiry',
  'kuzzle.all.auth.login-jwt': 'auth:login returns an opaque "kauth-<uuid>" token instead of a JWT (it still authenticates)',
  'kuzzle.all.validation.unknown-arguments-ignored': 'arguments no action reads (verb, cookieAuth...) are refused with 400 api.assert.unexpected_argument',
};

/** MUST requirements of the catalogue that no deviation can violate observably, with the reason. */
export const notDeviable: Record<string, string> = {};

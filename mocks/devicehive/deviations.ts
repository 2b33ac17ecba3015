/**
 * What the DeviceHive mock does instead when a requirement is switched off (`conform mock --deviate <id>`, or the
 * devicehive-4 profile, whose entries reproduce the reference server). Each is enforced at one place in the code,
 * where a comment names the id.
 */
export const deviations: Record<string, string> = {
  // --- routes and transports
  'devicehive.updateUser.route.put-user-id': 'PUT /user/{id} answers 404 {"error":404,"message":"HTTP 404 Not Found"}, as if the route did not exist',
  'devicehive.updateCurrent.route.put-user-current': 'PUT /user/current answers 404 {"error":404,"message":"HTTP 404 Not Found"}: the current keyword is not known',
  'devicehive.updateCurrent.route.message-action': 'the WebSocket/MQTT action user/updateCurrent answers code 400 "Illegal argument: user/updateCurrent"',
  'devicehive.updateUser.route.ws-action': 'the WebSocket action user/update answers code 400 "Illegal argument: user/update"',
  'devicehive.updateCurrent.transport.mqtt-request-topic': 'requests published to dh/request are ignored',
  'devicehive.updateCurrent.transport.mqtt-response-topic': 'answers are published on dh/response/<action>, without the @<clientId> suffix',
  'devicehive.updateCurrent.transport.mqtt-response-only-owner': 'a topic ending in @<clientId> is forwarded to every subscriber, not only to that client',
  'devicehive.updateCurrent.transport.mqtt-subscribe-requires-auth': 'clients that have not authenticated may subscribe to every response topic',
  'devicehive.updateCurrent.transport.mqtt-request-topic-forbidden': 'dh/request may be subscribed to, and every request published there is forwarded to its subscribers',
  'devicehive.all.transport.ws-endpoint-info': 'GET /info has no webSocketServerUrl',
  // --- envelopes
  'devicehive.all.envelope.http-empty-body': 'a successful PUT /user/{id} or PUT /user/current answers 200 with the updated user as JSON',
  'devicehive.all.envelope.http-204': 'a successful PUT answers 200 (with an empty body) instead of 204',
  'devicehive.all.envelope.http-error':
    'the 401s of the authentication filter (a header without "Bearer", a garbage, refresh or expired token, a locked or disabled user) carry Spring Boot 2.7\'s error body {"timestamp","status":401,"error":"Unauthorized","path"}, as the reference; a missing header keeps {"error":401,"message":"Unauthorized"}',
  'devicehive.updateCurrent.envelope.message-success': 'the user/updateCurrent success answer carries status "ok"',
  'devicehive.updateCurrent.envelope.request-id-echo': 'user/updateCurrent answers carry a requestId that is not a string as its JSON text (42 becomes "42")',
  'devicehive.updateCurrent.default.request-id-optional': 'a user/updateCurrent without requestId is refused with code 400 "requestId is required" and not executed',
  'devicehive.updateCurrent.envelope.message-error-status': 'user/updateCurrent error answers carry status "failed"',
  'devicehive.updateCurrent.envelope.message-error-fields': 'user/updateCurrent error answers carry neither code nor error',
  'devicehive.all.envelope.ws-malformed-json': 'text that is not a JSON object gets no answer',
  // --- authentication
  'devicehive.all.auth.bearer-header': 'the access token is also accepted without the "Bearer " prefix',
  'devicehive.all.auth.jwt-required': 'a REST request without a token, and a WebSocket/MQTT session that did not authenticate, run as the first active administrator',
  'devicehive.all.auth.unauthorized-401': 'a missing token answers 403 {"error":403,"message":"Access is denied"} (WebSocket: code 403)',
  'devicehive.all.auth.invalid-token': 'the signature is not checked: a token whose signature was altered is accepted',
  'devicehive.all.auth.inactive-user': 'the tokens of a locked or disabled user keep working',
  'devicehive.updateCurrent.auth.update-current-user-action': 'PUT /user/current and user/updateCurrent accept any valid access token, whatever its actions',
  'devicehive.updateUser.auth.update-current-user-token':
    'PUT /user/{id} requires the ManageUser action (12), as the reference: a client login token gets 403 {"error":403,"message":"Access is denied"} even for its own id',
  'devicehive.all.auth.ws-authenticate': 'authenticate answers success but the session stays unauthenticated',
  'devicehive.all.auth.ws-authenticate-errors': 'authenticate with a missing, invalid or expired token answers code 400',
  'devicehive.updateCurrent.auth.mqtt-authenticate': 'a successful authenticate published over MQTT does not authorize the client: its subscriptions to other answers stay refused',
  'devicehive.updateCurrent.auth.mqtt-connect-credentials': 'CONNECT username and password are ignored: the client is connected anonymously',
  'devicehive.updateCurrent.auth.mqtt-connect-bad-credentials': 'a CONNECT with a wrong password is accepted, anonymously',
  // --- who may change what
  'devicehive.updateCurrent.role-restriction.client-password-data': 'a client-role user\'s password and data changes are refused with 403 "Admin permissions required for this action"',
  'devicehive.updateCurrent.role-restriction.client-login-role-status': 'client-role users may change their own login, role and status',
  'devicehive.updateCurrent.role-restriction.client-rejected-403': 'the properties a client-role user may not change are dropped silently and the rest is applied',
  'devicehive.updateCurrent.role-restriction.client-introreviewed': 'a client-role user may change introReviewed (204, stored), as the reference',
  'devicehive.updateCurrent.role-restriction.admin-any-property': 'through PUT /user/current and user/updateCurrent an administrator is refused login, role and status like a client (403)',
  'devicehive.updateUser.role-restriction.admin-any-property': 'role and status sent to PUT /user/{id} (and user/update) are ignored: 204, nothing changes',
  'devicehive.updateUser.role-restriction.client-other-user':
    'a client-role user whose token grants ManageUser may change another user\'s password, data and introReviewed (204), as the reference; login, role and status stay refused',
  // --- defaults and excluded fields
  'devicehive.updateCurrent.default.omitted-fields-unchanged': 'an update without data clears the data to null, as the reference; other omitted properties keep their values',
  'devicehive.updateCurrent.default.null-as-absent': 'JSON null for login, role or status counts as present (a client gets 403)',
  'devicehive.all.field-exclusion.id-not-updatable': 'an id and a lastLogin in the update body are written: the user moves to the new id (if free)',
  // --- validation
  'devicehive.updateCurrent.validation.user-required': 'a user/updateCurrent without user succeeds as an empty update',
  'devicehive.all.validation.role-enum': 'an out-of-range role answers 500 {"error":500,"message":"Index 5 out of bounds for length 2"} (WebSocket: code 500) and nothing is stored, as the reference',
  'devicehive.all.validation.status-enum': 'an out-of-range status answers 500 {"error":500,"message":"Index 3 out of bounds for length 3"} (WebSocket: code 500) and nothing is stored, as the reference',
  'devicehive.updateCurrent.validation.types':
    'properties are read as Gson does: numbers and booleans become login or password text, "1" is role 1, any string is introReviewed (true only for "true"), data may be any JSON value, a null body is no update',
  'devicehive.updateCurrent.validation.types-400': 'malformed JSON and wrong types in an update answer 422 (WebSocket: code 422)',
  'devicehive.updateCurrent.validation.password-length': 'passwords of any length are accepted',
  'devicehive.updateCurrent.validation.password-empty': 'an empty password becomes the password',
  'devicehive.updateCurrent.validation.unknown-fields': 'properties a User resource does not have are refused like a wrong type: 400 "Invalid request parameters" (WebSocket: code 400 "Malformed Json received.")',
  'devicehive.updateCurrent.validation.data-null': '{"data": null} is ignored: the data is kept',
  'devicehive.all.validation.login-unique': 'a login already used by another user is accepted, so two users share it',
  'devicehive.all.validation.login-empty': 'empty, blank and over-long logins are accepted',
  'devicehive.all.validation.login-trimmed': 'surrounding white space is kept, so the login rules refuse such a login (400)',
  'devicehive.updateUser.validation.id-integer': 'PUT /user/<id> with an id that is not an integer updates the caller, as PUT /user/current does',
  'devicehive.updateUser.validation.user-not-found': 'an unknown id answers 204 and nothing happens',
};

/** MUST requirements no black-box client could see violated, with why: none, every one can be switched off. */
export const notDeviable: Record<string, string> = {};

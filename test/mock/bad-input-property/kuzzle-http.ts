// Kuzzle over HTTP under generated bad input: PUT /_me (auth:updateSelf) and PUT /profiles/<id>/_update
// (security:updateProfile), with any content type, body, token and query arguments.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { contentType, garbage, jsonValue, anyValue, payloadBuffer, payloadValue, type Payload } from './arbitraries.ts';
import { describe, httpSend } from './exchange.ts';
import { fieldKey, nearProfileBody, profileBody, selfBody, specialKey } from './kuzzle-bodies.ts';
import { assertEnvelope, assertSelfApplied, assertServerError, readProfile, readSelf, startSession, TARGET_PROFILE } from './kuzzle-records.ts';
import { Tally, type Kind, type Surface } from './surface.ts';

interface HttpCase {
  kind: Kind;
  operation: 'updateSelf' | 'updateProfile';
  auth: 'valid' | 'none' | 'garbage';
  query: Record<string, string>;
  contentType: string | undefined;
  payload: Payload;
}

const MAX_HTTP_STRING = 1_200_000;
const queryArgs = fc.record(
  { refresh: fc.oneof(fc.constantFrom('wait_for', 'false', 'true'), fc.string({ maxLength: 8 })), retryOnConflict: fc.oneof(fc.nat(20).map(String), fc.string({ maxLength: 6 })), strict: fc.constantFrom('', 'true', 'false'), force: fc.constantFrom('', 'true', '1') },
  { requiredKeys: [] },
);

const nearSelfBody = fc.oneof(
  fc.dictionary(fc.oneof(fieldKey, specialKey), anyValue(MAX_HTTP_STRING), { maxKeys: 4 }),
  anyValue(MAX_HTTP_STRING),
  fc.array(jsonValue, { maxLength: 4 }),
);
const httpCases: fc.Arbitrary<HttpCase> = fc.oneof(
  fc.record({
    kind: fc.constant<Kind>('valid'),
    operation: fc.constantFrom('updateSelf' as const, 'updateProfile' as const),
    auth: fc.constant('valid' as const),
    query: fc.constant({}),
    contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8'),
    payload: fc.constant<Payload>({ json: null }),
  }).chain((c) => (c.operation === 'updateSelf' ? selfBody : profileBody).map((json) => ({ ...c, payload: { json } }))),
  fc.record({
    kind: fc.constant<Kind>('near-valid'),
    operation: fc.constantFrom('updateSelf' as const, 'updateProfile' as const),
    auth: fc.oneof({ weight: 8, arbitrary: fc.constant('valid' as const) }, { weight: 1, arbitrary: fc.constantFrom('none' as const, 'garbage' as const) }),
    query: fc.oneof(fc.constant({}), queryArgs),
    contentType: fc.oneof({ weight: 5, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: contentType }),
    payload: fc.constant<Payload>({ json: null }),
  }).chain((c) => (c.operation === 'updateSelf' ? nearSelfBody : nearProfileBody(MAX_HTTP_STRING)).map((json) => ({ ...c, payload: { json } }))),
  fc.record({
    kind: fc.constant<Kind>('garbage'),
    operation: fc.constantFrom('updateSelf' as const, 'updateProfile' as const),
    auth: fc.constant('valid' as const),
    query: fc.constant({}),
    contentType,
    payload: garbage,
  }),
);

/** Whether the request's body is read as JSON (a success then stores what it says). */
const sentAsJson = (c: HttpCase) => /^application\/json\s*(;|$)/i.test(c.contentType?.trim() ?? '');

export async function kuzzleHttp(): Promise<Surface<HttpCase>> {
  const session = await startSession();
  const tally = new Tally();
  return {
    cases: httpCases,
    tally,
    async check(c) {
      const label = `${c.kind} ${c.operation} ${describe(c)}`;
      const read = () => (c.operation === 'updateSelf' ? readSelf(session) : readProfile(session));
      const before = await read();
      const headers: Record<string, string> = {};
      if (c.contentType !== undefined) headers['content-type'] = c.contentType;
      if (c.auth === 'valid') headers.authorization = `Bearer ${session.jwt}`;
      if (c.auth === 'garbage') headers.authorization = 'Bearer not-a-token';
      const query = new URLSearchParams(c.query).toString();
      const path = `${c.operation === 'updateSelf' ? '/_me' : `/profiles/${TARGET_PROFILE}/_update`}${query ? `?${query}` : ''}`;
      const answer = await httpSend(session.base, { method: 'PUT', path, headers, body: payloadBuffer(c.payload) });
      const status = assertEnvelope(answer.json, label, { httpStatus: answer.status, bare: true });
      tally.add(c.kind, `${c.operation} ${status}`);
      const body = sentAsJson(c) ? payloadValue(c.payload)?.value : undefined;
      assertServerError(status, answer.json as Record<string, any>, c.operation, body, label);
      if (c.kind === 'valid') assert.equal(status, 200, `${label}: a valid update succeeds: ${answer.text.slice(0, 300)}`);
      const after = await read();
      // The user reads back after a profile case too: the process, not only the profile, stays healthy.
      if (c.operation === 'updateProfile') await readSelf(session);
      if (status !== 200) return assert.deepEqual(after, before, `${label}: a refused request changes nothing`);
      const result = (answer.json as Record<string, any>).result;
      if (c.operation === 'updateSelf') return assertSelfApplied(before, after, answer.json as Record<string, any>, body, label);
      assert.deepEqual(after, result._source, `${label}: the stored profile is the one the answer shows`);
      if (c.kind === 'valid') {
        const sent = (c.payload as { json: Record<string, unknown> }).json;
        if (sent.rateLimit !== undefined) assert.equal(after.rateLimit, sent.rateLimit, label);
        if (sent.policies !== undefined) assert.deepEqual(after.policies, sent.policies, label);
      }
    },
    close: () => session.mock.stop(),
  };
}

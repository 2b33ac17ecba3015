import type { FamilyMock, FamilyOptions } from '../../src/core/family.ts';
import { secretKey } from '../../src/core/jwt.ts';
import { applySeed } from './apply-seed.ts';
import { bareRequest } from './envelope.ts';
import type { KuzzleContext } from './context.ts';
import { kerror } from './errors.ts';
import { createRouter, handleHttp } from './http-framing.ts';
import { envelopeResponse } from './http-response.ts';
import { createMqttSurface } from './mqtt-surface.ts';
import { loadSeed, seededAdmin } from './seed.ts';
import { createState, exportState, importState } from './state.ts';
import { createWsSurface } from './ws-surface.ts';

/**
 * The Kuzzle 2 family: one request model and one funnel, framed three ways (HTTP, WebSocket, MQTT). State lives in
 * versioned stores; the seed (validated) or the default one is what reset() returns to.
 */
export function create(options: FamilyOptions): FamilyMock {
  const now = options.now ?? Date.now;
  const seed = loadSeed(options.seed);
  const state = createState({ refreshDelayMs: options.refreshDelayMs ?? 1000, updateWindowMs: options.conflictWindowMs ?? 0, now });
  const env: KuzzleContext = {
    state,
    behaviour: options.behaviour,
    tokens: { state, secret: secretKey(options.jwtSecret), now, behaviour: options.behaviour },
    now,
    // A lifetime of 0 or less means tokens that never expire (Kuzzle's expiresIn -1).
    tokenTtlMs: options.tokenTtlSeconds > 0 ? options.tokenTtlSeconds * 1000 : -1,
    conflictWindowMs: options.conflictWindowMs ?? 0,
  };
  applySeed(state, seed, now());
  const router = createRouter(options.behaviour);
  return {
    family: 'kuzzle',
    http: (request) => handleHttp(env, router, request),
    ws: createWsSurface(env),
    mqtt: createMqttSurface(env),
    reset: () => applySeed(state, seed, now()),
    exportState: () => exportState(state),
    importState: (json) => importState(state, json),
    credentials: async () => {
      const admin = seededAdmin(seed);
      return admin ? { admin } : {};
    },
    // An overloaded Kuzzle's answer (api.process.overloaded, 503), in the full envelope.
    faultResponse: () => {
      const requestId = globalThis.crypto.randomUUID();
      return envelopeResponse(options.behaviour, bareRequest(requestId), { error: kerror('api.process.overloaded') }, { requestId, origin: undefined, head: false });
    },
  };
}

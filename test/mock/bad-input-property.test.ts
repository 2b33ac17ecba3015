// Property-based bad input over every surface of every family (issue 11): fast-check generates garbage, near-valid
// and valid update requests for each; every one must get the family's own error or success envelope (a 5xx only
// where the real server gives one for that input), the mock must keep answering a plain read of the record, and the
// record must change only on a success, and then as the request said. The seed is printed: CONFORM_PROPERTY_SEED
// replays a failing run case for case.
import { test } from 'node:test';
import fc from 'fast-check';
import { propertySettings } from './bad-input-property/settings.ts';
import type { Surface } from './bad-input-property/surface.ts';
import { kuzzleHttp } from './bad-input-property/kuzzle-http.ts';
import { kuzzleMqtt, kuzzleWs } from './bad-input-property/kuzzle-frames.ts';
import { devicehiveHttp, devicehiveMqtt, devicehiveWs } from './bad-input-property/devicehive.ts';
import { userapiHttp } from './bad-input-property/userapi.ts';

const settings = propertySettings();
console.log(`bad-input property: seed ${settings.seed}, ${settings.numRuns} runs a surface (replay with CONFORM_PROPERTY_SEED=${settings.seed})`);

const surfaces: Array<[string, () => Promise<Surface<any>>]> = [
  ['kuzzle HTTP (PUT /_me, PUT /profiles/<id>/_update)', kuzzleHttp],
  ['kuzzle WebSocket (auth:updateSelf, security:updateProfile)', kuzzleWs],
  ['kuzzle MQTT (Kuzzle/request: auth:updateSelf, security:updateProfile)', kuzzleMqtt],
  ['devicehive REST (PUT /user/current)', devicehiveHttp],
  ['devicehive WebSocket (user/updateCurrent)', devicehiveWs],
  ['devicehive MQTT (dh/request)', devicehiveMqtt],
  ['userapi HTTP (PUT /api/user/update)', userapiHttp],
];

for (const [name, start] of surfaces) {
  test(`${name}: every generated request gets the family's answer, the mock stays healthy, refused requests change nothing`, async (t) => {
    t.diagnostic(`seed ${settings.seed}, ${settings.numRuns} runs`);
    const surface = await start();
    try {
      await fc.assert(fc.asyncProperty(surface.cases, (c) => surface.check(c)), {
        seed: settings.seed,
        numRuns: settings.numRuns,
        includeErrorInReport: true,
        // Every wait inside a case is bounded; this bounds the run and its shrinking as a whole (a case takes a few
        // ms, so a second a case on average is far beyond a healthy run), and a run cut short fails.
        interruptAfterTimeLimit: Math.max(60_000, settings.numRuns * 1000),
        markInterruptAsFailure: true,
      });
    } finally {
      t.diagnostic(`outcomes: ${surface.tally}`);
      await surface.close();
    }
  });
}

/**
 * The budget and seed of the property-based bad-input suite. A run prints its seed; CONFORM_PROPERTY_SEED replays
 * it (fast-check then generates the very same cases), CONFORM_PROPERTY_RUNS changes the number of cases a surface.
 */
export interface PropertySettings {
  seed: number;
  numRuns: number;
}

/** About 40 cases a surface keeps the whole file well under 40 s on a busy 2-core machine. */
const DEFAULT_RUNS = 40;
const MAX_RUNS = 10_000;

function readInteger(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

export function propertySettings(env: NodeJS.ProcessEnv = process.env): PropertySettings {
  const seedText = env.CONFORM_PROPERTY_SEED;
  const runsText = env.CONFORM_PROPERTY_RUNS;
  // fast-check seeds are 32-bit integers.
  const seed = seedText === undefined || seedText === '' ? Math.floor(Math.random() * 2 ** 31) : readInteger('CONFORM_PROPERTY_SEED', seedText, -(2 ** 31), 2 ** 31 - 1);
  const numRuns = runsText === undefined || runsText === '' ? DEFAULT_RUNS : readInteger('CONFORM_PROPERTY_RUNS', runsText, 1, MAX_RUNS);
  return { seed, numRuns };
}

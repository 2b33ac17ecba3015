import fs from 'node:fs';
import path from 'node:path';
import { SEEDS_DIR } from './paths.ts';

/** Quotes are compared with every run of white space collapsed to one space: the documents wrap and indent freely. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ');
}

export interface Seed {
  file: string;
  text: string;
  lines: string[];
  /** The text with white space collapsed, and for each of its characters the 0-based line it came from. */
  normalized: string;
  lineOf: number[];
}

const cache = new Map<string, Seed>();

export function seedPath(name: string): string {
  return path.join(SEEDS_DIR, name);
}

export function listSeeds(): string[] {
  return fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();
}

export function loadSeed(name: string): Seed {
  const cached = cache.get(name);
  if (cached) return cached;
  const text = fs.readFileSync(seedPath(name), 'utf8');
  const lineOf: number[] = [];
  let normalized = '';
  let line = 0;
  let inSpace = false;
  for (const ch of text) {
    if (/\s/.test(ch)) {
      if (!inSpace) {
        normalized += ' ';
        lineOf.push(line);
      }
      inSpace = true;
    } else {
      normalized += ch;
      lineOf.push(line);
      inSpace = false;
    }
    if (ch === '\n') line += 1;
  }
  const seed = { file: name, text, lines: text.split('\n'), normalized, lineOf };
  cache.set(name, seed);
  return seed;
}

/** Every [start, end) range of the normalized seed where the quote occurs. */
export function findQuote(seed: Seed, quote: string): Array<[number, number]> {
  const needle = normalizeSpace(quote).trim();
  const found: Array<[number, number]> = [];
  if (needle.length === 0) return found;
  for (let at = seed.normalized.indexOf(needle); at !== -1; at = seed.normalized.indexOf(needle, at + 1)) {
    found.push([at, at + needle.length]);
  }
  return found;
}

/** The 0-based lines a quote touches, over all its occurrences. */
export function linesOfQuote(seed: Seed, quote: string): Set<number> {
  const lines = new Set<number>();
  for (const [start, end] of findQuote(seed, quote)) {
    for (let i = start; i < end; i++) {
      const line = seed.lineOf[i];
      if (line !== undefined && seed.normalized[i] !== ' ') lines.add(line);
    }
  }
  return lines;
}

/**
 * The lines that must be accounted for by some quote: every line carrying text, except front matter,
 * headings, code fences, horizontal rules and lines of bare JSON punctuation.
 */
export function textLines(seed: Seed): number[] {
  const result: number[] = [];
  let frontMatterEnd = -1;
  if (seed.lines[0]?.trim() === '---') {
    frontMatterEnd = seed.lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  }
  seed.lines.forEach((raw, index) => {
    const line = raw.trim();
    if (index <= frontMatterEnd) return;
    if (line === '' || line === '---' || line.startsWith('```') || line.startsWith('#')) return;
    if (/^[\s{}[\],:]*$/.test(line)) return;
    result.push(index);
  });
  return result;
}

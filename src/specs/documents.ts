/**
 * Which document, and which part of it, a requirement comes from: its title and section as a reader finds them,
 * not the seed's file name. Derived from the seeds themselves (front matter, headings) so it follows the documents.
 */
import { findQuote, loadSeed, type Seed } from './seeds.ts';
import { isSeedSource, type Source } from './catalogue.ts';

export interface DocumentRef {
  /** The document's title, e.g. "updateSelf" or "Update User (PUT /api/user/update)". */
  title: string;
  /** The heading path above the quote ("Query Syntax › HTTP"), or "introduction" when no heading precedes it. */
  section: string;
  /** The seed file (specs/seeds/…) or, for a research reference, the research notes' file. */
  file: string;
}

export const INTRODUCTION = 'introduction';

/** The 0-based index of the line that closes the front matter, or -1 when there is none. */
function frontMatterEnd(seed: Seed): number {
  if (seed.lines[0]?.trim() !== '---') return -1;
  return seed.lines.findIndex((l, i) => i > 0 && l.trim() === '---');
}

const unquote = (s: string) => s.trim().replace(/^(["'])(.*)\1$/, '$2');
const HTTP_METHOD = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/;

/**
 * The document's title: the front matter's title; else its first "# " heading; else, for a page rendered without
 * markup (the Mintlify page, seed 004: "PUT", "/", "api", … one per line, then the title), the line after the
 * method and path, with the route; else its first line of text.
 */
export function documentTitle(file: string): string {
  const seed = loadSeed(file);
  const end = frontMatterEnd(seed);
  for (const line of seed.lines.slice(1, Math.max(end, 0))) {
    const m = /^title:\s*(.+)$/.exec(line);
    if (m?.[1]) return unquote(m[1]);
  }
  const h1 = seed.lines.find((l) => /^# \S/.test(l));
  if (h1) return h1.slice(2).trim();
  const lines = seed.lines.map((l) => l.trim());
  const at = lines.findIndex((l) => HTTP_METHOD.test(l));
  if (at !== -1) {
    let i = at + 1;
    let route = '';
    while (i < lines.length && (lines[i] === '/' || (route.endsWith('/') && /^[\w{}:.-]+$/.test(lines[i] ?? '')))) route += lines[i++];
    const title = lines[i];
    if (route.length > 1 && title) return `${title} (${lines[at]} ${route})`;
  }
  return lines.find((l) => l !== '') ?? file;
}

interface Heading {
  line: number;
  level: number;
  text: string;
}

/**
 * The headings of a seed, outside code fences and front matter: markdown "#" headings; a line that is nothing but
 * bold text ("**Authorization**", readme.io's sub-headings) one level below them; and, in a document with no markdown
 * heading at all (seed 004), a short capitalised line of words after a blank line ("Request Body", "Response").
 */
export function headings(seed: Seed): Heading[] {
  const found: Heading[] = [];
  let inFence = false;
  const start = frontMatterEnd(seed) + 1;
  const plain = !seed.lines.some((l) => /^#{1,6} \S/.test(l));
  seed.lines.forEach((raw, index) => {
    if (index < start) return;
    const line = raw.trim();
    if (line.startsWith('```')) {
      inFence = !inFence;
      return;
    }
    if (inFence) return;
    const md = /^(#{1,6}) (.+)$/.exec(line);
    if (md?.[1] && md[2]) return void found.push({ line: index, level: md[1].length, text: md[2].trim() });
    const bold = /^\*\*([^*]+)\*\*$/.exec(line);
    if (bold?.[1]) return void found.push({ line: index, level: 7, text: bold[1].trim() });
    if (plain && index > 0 && seed.lines[index - 1]?.trim() === '' && /^[A-Z][a-z]+( [A-Z][a-z]+){0,3}$/.test(line)) found.push({ line: index, level: 2, text: line });
  });
  return found;
}

/** The heading path above a line: each heading's nearest enclosing ones, the document's own title left out. */
export function sectionAt(seed: Seed, line: number, title = documentTitle(seed.file)): string {
  const path: Heading[] = [];
  for (const h of headings(seed)) {
    if (h.line > line) break;
    while (path.length > 0 && (path[path.length - 1] as Heading).level >= h.level) path.pop();
    path.push(h);
  }
  const names = path.map((h) => h.text).filter((t, i) => !(i === 0 && t === title));
  return names.length > 0 ? names.join(' › ') : INTRODUCTION;
}

/** The document a requirement's source names, by title and section; research references by file and paragraph. */
export function documentOf(source: Source): DocumentRef {
  if (!isSeedSource(source)) {
    const [file = source.reference, ...rest] = source.reference.split(' ');
    return { title: `research notes on the real server (${file})`, section: [rest.join(' '), source.citation].filter(Boolean).join(' — '), file };
  }
  const seed = loadSeed(source.seed);
  const title = documentTitle(source.seed);
  const at = findQuote(seed, source.quote)[0];
  // Where the quote starts: its first character that is not a space, as the line it was on.
  const first = at ? seed.lineOf[seed.normalized[at[0]] === ' ' ? at[0] + 1 : at[0]] : undefined;
  return { title, section: first === undefined ? INTRODUCTION : sectionAt(seed, first, title), file: source.seed };
}

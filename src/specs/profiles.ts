import fs from 'node:fs';
import path from 'node:path';
import { SPECS_DIR } from './paths.ts';
import { readDataFile } from './data-file.ts';
import type { Family, Transport } from './families.ts';

export interface Deviation {
  requirement: string;
  transports?: Transport[];
  behaviour: string;
  why: string;
  reference: string;
  citation: string;
}

export interface Profile {
  name: string;
  family: Family;
  title: string;
  deviations: Deviation[];
}

export const PROFILES_DIR = path.join(SPECS_DIR, 'profiles');

export function listProfileFiles(): string[] {
  return fs.existsSync(PROFILES_DIR) ? fs.readdirSync(PROFILES_DIR).filter((f) => f.endsWith('.yaml')).sort() : [];
}

export function readProfile(file: string): Profile {
  return readDataFile(path.join(PROFILES_DIR, file)) as Profile;
}

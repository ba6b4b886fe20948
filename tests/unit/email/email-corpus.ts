import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The shared real-mail corpus, read in place: it is read-only input for every team. */
export const corpusDir = path.resolve(repoRoot, '../shared/corpus/email');

/** Every .eml of the corpus as a path relative to it, sorted so runs compare. */
export function corpusFiles(): string[] {
  return readdirSync(corpusDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.eml'))
    .map((name) => name.split(path.sep).join('/'))
    .sort();
}

export function corpusPath(file: string): string {
  return path.join(corpusDir, file);
}

export function readCorpusFile(file: string): Buffer {
  return readFileSync(corpusPath(file));
}

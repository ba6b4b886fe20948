import { builtinModules } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The folder rules of DESIGN.md ("Folders and who may import whom") as data. A zone may import its own
 * files and the zones listed; `node` says whether Node built-ins are allowed, `electron` likewise.
 */
interface ZoneRule {
  zone: string;
  mayImport: string[];
  node: boolean;
  electron: boolean;
}

export const ZONE_RULES: ZoneRule[] = [
  { zone: 'src-shared', mayImport: [], node: false, electron: false },
  { zone: 'src-main/core', mayImport: ['src-shared'], node: true, electron: false },
  { zone: 'src-main/channels', mayImport: ['src-shared', 'src-main/core'], node: true, electron: false },
  { zone: 'src-main/desktop', mayImport: ['src-shared', 'src-main/core', 'src-main/channels', 'src-main/host'], node: true, electron: true },
  { zone: 'src-main/host', mayImport: ['src-shared', 'src-main/core', 'src-main/channels'], node: true, electron: false },
  { zone: 'src-renderer', mayImport: ['src-shared'], node: false, electron: false },
  { zone: 'sync-server', mayImport: ['src-shared'], node: true, electron: false },
];

export interface SourceFile {
  /** Path relative to the repository root, with forward slashes. */
  path: string;
  text: string;
}

export interface Violation {
  file: string;
  specifier: string;
  reason: string;
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;
const NODE_BUILTINS = new Set(builtinModules);

export function zoneOf(file: string): ZoneRule | undefined {
  return ZONE_RULES.find((rule) => file === rule.zone || file.startsWith(`${rule.zone}/`));
}

export function importSpecifiers(text: string): string[] {
  const withoutComments = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...withoutComments.matchAll(SPECIFIER)].map((m) => m[1] ?? '');
}

export function checkFile(file: SourceFile): Violation[] {
  const rule = zoneOf(file.path);
  if (!rule) return [];
  const violations: Violation[] = [];
  for (const specifier of importSpecifiers(file.text)) {
    const reason = judge(rule, file.path, specifier);
    if (reason) violations.push({ file: file.path, specifier, reason });
  }
  return violations;
}

function judge(rule: ZoneRule, file: string, specifier: string): string | null {
  if (specifier === 'electron' || specifier.startsWith('electron/')) {
    return rule.electron ? null : `${rule.zone} may not import electron (only src-main/desktop may)`;
  }
  if (specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0] ?? '')) {
    return rule.node ? null : `${rule.zone} may not use Node built-ins`;
  }
  if (!specifier.startsWith('.')) return null;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  const targetZone = zoneOf(target);
  if (!targetZone) return `${rule.zone} may not import ${target}, which is outside the source folders`;
  if (targetZone.zone === rule.zone || rule.mayImport.includes(targetZone.zone)) return null;
  return `${rule.zone} may not import ${targetZone.zone}`;
}

export function readSourceTree(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  for (const rule of ZONE_RULES) walk(root, rule.zone, files);
  return files;
}

function walk(root: string, relative: string, out: SourceFile[]): void {
  let entries;
  try {
    entries = readdirSync(path.join(root, relative), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const child = `${relative}/${entry.name}`;
    if (entry.isDirectory()) walk(root, child, out);
    else if (/\.(c|m)?tsx?$/.test(entry.name)) out.push({ path: child, text: readFileSync(path.join(root, child), 'utf8') });
  }
}

import type { ILogger } from '@whiskeysockets/baileys/lib/Utils/logger';

/**
 * Baileys logs every stanza at debug level and message contents at trace; a shop's log must hold
 * neither. Only warnings and errors are written, with their message, never the objects they carry.
 */
export function quietLogger(prefix: string): ILogger {
  const write = (level: string) => (obj: unknown, message?: string) => {
    const text = message ?? (obj instanceof Error ? obj.message : typeof obj === 'string' ? obj : '');
    if (text) console.error(`${prefix} ${level}: ${text}`);
  };
  const silent = () => {};
  const logger: ILogger = { level: 'warn', child: () => logger, trace: silent, debug: silent, info: silent, warn: write('warning'), error: write('error') };
  return logger;
}

/**
 * Electron IPC channel names, shared by preload and main. Kept apart from the zod wire schemas so the
 * sandboxed preload, which must bundle everything it uses, stays small.
 */
export const IPC_REQUEST_CHANNEL = 'switchboard:request';
export const IPC_EVENT_CHANNEL = 'switchboard:event';

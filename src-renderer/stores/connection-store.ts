import { create } from 'zustand';
import type { ConnectionStatus } from '../transport/connection-status';

interface ConnectionState {
  /** Electron's IPC never drops, so the preload case simply stays `open`. */
  status: ConnectionStatus;
  missingToken: boolean;
  setStatus: (status: ConnectionStatus) => void;
  setMissingToken: (missingToken: boolean) => void;
}

export const useConnectionStore = create<ConnectionState>()((set) => ({
  status: 'open',
  missingToken: false,
  setStatus: (status) => set({ status }),
  setMissingToken: (missingToken) => set({ missingToken }),
}));

import type { AuthenticationCreds, AuthenticationState, SignalDataSet, SignalDataTypeMap } from '@whiskeysockets/baileys';
import type { AuthWrite, WhatsAppAuthStore } from '../../../core/whatsapp/whatsapp-auth-store';
import type { BaileysCodec } from './baileys-runtime';

const CREDS = { category: 'creds', keyId: '' };

/**
 * Baileys' auth state over the local store, in place of `useMultiFileAuthState`, which its authors
 * say is not for production: one file per key, written one by one, so a crash can leave half a
 * `keys.set`. Here every `keys.set` is one SQLite transaction, and values are sealed at rest.
 */
export function useSqliteAuthState(store: WhatsAppAuthStore, { BufferJSON, initAuthCreds, proto }: BaileysCodec): { state: AuthenticationState; saveCreds: () => void } {
  const read = (category: string, keyId: string): unknown => {
    const json = store.read(category, keyId);
    return json === null ? null : (JSON.parse(json, BufferJSON.reviver) as unknown);
  };
  const creds = (read(CREDS.category, CREDS.keyId) as AuthenticationCreds | null) ?? initAuthCreds();

  return {
    state: {
      creds,
      keys: {
        get<T extends keyof SignalDataTypeMap>(type: T, ids: string[]) {
          const found: { [id: string]: SignalDataTypeMap[T] } = {};
          for (const id of ids) {
            let value = read(type, id);
            if (value && type === 'app-state-sync-key') value = proto.Message.AppStateSyncKeyData.fromObject(value as object);
            if (value) found[id] = value as SignalDataTypeMap[T];
          }
          return found;
        },
        set(data: SignalDataSet) {
          const writes: AuthWrite[] = [];
          for (const [category, values] of Object.entries(data)) {
            for (const [keyId, value] of Object.entries(values ?? {})) {
              writes.push({ category, keyId, json: value ? JSON.stringify(value, BufferJSON.replacer) : null });
            }
          }
          store.write(writes);
        },
        clear() {
          store.clear();
        },
      },
    },
    saveCreds: () => store.write([{ ...CREDS, json: JSON.stringify(creds, BufferJSON.replacer) }]),
  };
}

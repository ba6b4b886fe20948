/** `reconnecting` is also where a first connection that failed ends up, so the UI can say so. */
export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting';

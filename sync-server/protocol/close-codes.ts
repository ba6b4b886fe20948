/** WebSocket close codes the server sends. 44xx codes tell the stock y-websocket client not to reconnect. */
export const CLOSE_MALFORMED = 1007;
export const CLOSE_TOO_LARGE = 1009;
export const CLOSE_MEMBERSHIP_REVOKED = 4401;

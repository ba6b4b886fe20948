import type { IncomingMessage, ServerResponse } from 'node:http';
import { readLimitedBody } from './json-body';
import { requestPath } from './request-path';
import { handleApiRequest, type ApiContext } from './routes';

/** Runs the API on node:http: the only place that knows about its request and response objects. */
export async function serveApiRequest(context: ApiContext, req: IncomingMessage, res: ServerResponse, log: (line: string) => void): Promise<void> {
  try {
    const response = await handleApiRequest(context, {
      method: req.method ?? 'GET',
      path: requestPath(req.url),
      authorization: req.headers.authorization,
      readBody: () => readLimitedBody(req, req.headers['content-length']),
    });
    // A body the route did not read (or stopped reading at the limit) would be taken for the next request.
    if (!req.complete) res.setHeader('Connection', 'close');
    if (response.body === undefined) {
      res.writeHead(response.status).end();
      return;
    }
    res.writeHead(response.status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(response.body));
  } catch (error) {
    log(`HTTP ${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8', Connection: 'close' });
    res.end(JSON.stringify({ error: 'Internal server error.' }));
  }
}

import { describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../../src-shared/api/result';
import { createRequestHandler } from '../../../src-main/desktop/request-handler';

const trusted = 'file:///app/dist/renderer/index.html';
const isTrusted = (url: string | undefined): boolean => url === trusted;

function fakeCore(dispatch: (name: string, input: unknown) => Promise<ApiResult<unknown>>) {
  return { dispatch: vi.fn(dispatch) };
}

describe('createRequestHandler', () => {
  it('passes a trusted request to the core and returns its envelope unchanged', async () => {
    const core = fakeCore(async () => ({ ok: false, error: { code: 'not_found', message: 'no such conversation' } }));
    const handle = createRequestHandler(core, isTrusted);
    await expect(handle(trusted, 'conversations.get', { id: 'c1' })).resolves.toEqual({
      ok: false,
      error: { code: 'not_found', message: 'no such conversation' },
    });
    expect(core.dispatch).toHaveBeenCalledWith('conversations.get', { id: 'c1' });
  });

  it('refuses an untrusted or missing sender without touching the core', async () => {
    const core = fakeCore(async () => ({ ok: true, value: 1 }));
    const handle = createRequestHandler(core, isTrusted);
    const refused = { ok: false, error: { code: 'internal', message: 'untrusted sender' } };
    await expect(handle('about:srcdoc', 'x', {})).resolves.toEqual(refused);
    await expect(handle(undefined, 'x', {})).resolves.toEqual(refused);
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it('refuses a request name that is not a string', async () => {
    const core = fakeCore(async () => ({ ok: true, value: 1 }));
    const result = await createRequestHandler(core, isTrusted)(trusted, { toString: () => 'x' }, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_request' } });
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it('turns a core that throws into an internal error without leaking the details', async () => {
    const core = fakeCore(async () => {
      throw new Error('SQLITE_CORRUPT at /home/owner/secret/path');
    });
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await createRequestHandler(core, isTrusted)(trusted, 'x', {});
    quiet.mockRestore();
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'internal error' } });
  });
});

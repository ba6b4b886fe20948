import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpError } from '../../../sync-server/http/http-error';
import { parseJsonBody, readLimitedBody } from '../../../sync-server/http/json-body';
import { requestPath } from '../../../sync-server/http/request-path';
import { parsePublicUrl } from '../../../sync-server/public-url';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('request bodies', () => {
  it('are read up to the limit and refused with 413 past it, declared or not', async () => {
    expect(new TextDecoder().decode(await readLimitedBody(Readable.from([Buffer.from('{"a":'), Buffer.from('1}')]), undefined, 10))).toBe('{"a":1}');
    await expect(readLimitedBody(Readable.from([Buffer.alloc(8), Buffer.alloc(8)]), undefined, 10)).rejects.toMatchObject({ status: 413 });
    await expect(readLimitedBody(Readable.from([]), '20000', 10)).rejects.toBeInstanceOf(HttpError);
  });

  it('must be JSON matching the schema, else 400 naming the field', () => {
    const schema = z.object({ role: z.enum(['agent']) });
    expect(parseJsonBody(bytes('{"role":"agent"}'), schema)).toEqual({ role: 'agent' });
    expect(() => parseJsonBody(bytes('{"role":'), schema)).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => parseJsonBody(new Uint8Array([0xff, 0xfe]), schema)).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => parseJsonBody(bytes('{"role":"owner"}'), schema)).toThrow(/role/);
  });
});

describe('requestPath', () => {
  it('drops the query and survives a target that is no URL', () => {
    expect(requestPath('/sync/ws/acme?x=1')).toBe('/sync/ws/acme');
    expect(requestPath('/sync/ws%2Facme')).toBe('/sync/ws%2Facme');
    expect(requestPath('http://[')).toBe('');
  });
});

describe('parsePublicUrl', () => {
  it('accepts absolute http(s) URLs only', () => {
    expect(parsePublicUrl('https://sync.example.com/')).toBe('https://sync.example.com');
    expect(parsePublicUrl('http://10.0.0.5:4880/base/')).toBe('http://10.0.0.5:4880/base');
    expect(() => parsePublicUrl('ftp://sync.example.com')).toThrow(/http\(s\)/);
    expect(() => parsePublicUrl('sync.example.com')).toThrow(/absolute/);
  });
});

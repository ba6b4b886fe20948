import { describe, expect, it } from 'vitest';
import { consentKeyword } from '../../../src-shared/sms/opt-out-keywords';

describe('SMS consent keywords', () => {
  it.each(['STOP', 'stop', ' Stop ', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'])('"%s" opts out', (body) => {
    expect(consentKeyword(body)?.kind).toBe('opt_out');
  });

  it.each(['START', 'unstop'])('"%s" opts back in', (body) => {
    expect(consentKeyword(body)?.kind).toBe('opt_in');
  });

  it('records HELP and ignores the words inside a longer message', () => {
    expect(consentKeyword('help')).toEqual({ kind: 'help', keyword: 'HELP' });
    expect(consentKeyword('Please stop by at 3')).toBeNull();
    expect(consentKeyword('STOP!')).toBeNull();
  });
});

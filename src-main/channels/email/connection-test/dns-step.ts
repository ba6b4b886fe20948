import { lookup } from 'node:dns/promises';
import { errorCode, StepFailure } from './step-failure';
import type { Step } from './run-steps';

export function dnsStep(host: string): Step {
  return {
    step: 'dns',
    async run() {
      try {
        const { address } = await lookup(host);
        return address === host ? `${host} is an address; nothing to look up` : `${host} is at ${address}`;
      } catch (error) {
        const code = errorCode(error);
        if (code === 'ENOTFOUND' || code === 'ENODATA') {
          throw new StepFailure(`No server named ${host} was found. Check the spelling of the server name.`);
        }
        throw new StepFailure(`The name ${host} could not be looked up (${code ?? 'DNS error'}). Check this PC’s internet connection.`);
      }
    },
  };
}

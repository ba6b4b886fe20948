import { createSmtpTransport } from '../send/smtp-transport';
import type { Step } from './run-steps';
import { errorCode, serverSaid, StepFailure } from './step-failure';
import type { ConnectionSettings } from './test-connection';

/**
 * Greets the SMTP server and logs in where it offers AUTH, with the transport sending uses
 * (nodemailer's `verify`). Nothing is sent.
 */
export function smtpLoginStep(settings: ConnectionSettings): Step {
  return {
    step: 'auth',
    async run() {
      const transport = createSmtpTransport({ server: settings.smtp, user: settings.user, password: settings.password });
      try {
        await transport.verify();
        return 'Ready to send';
      } catch (error) {
        if (errorCode(error) === 'EAUTH') {
          throw new StepFailure(`The server refused the user name or password${serverSaid((error as { response?: unknown }).response)}.`);
        }
        throw error;
      } finally {
        transport.close();
      }
    },
  };
}

import type { Handlers } from '../api/dispatch';
import type { EmailAccountService } from './email-account-service';

export function createEmailAccountHandlers(
  service: EmailAccountService,
): Pick<Handlers, 'email.account.get' | 'email.account.save' | 'email.account.test' | 'email.account.status'> {
  return {
    'email.account.get': () => service.get(),
    'email.account.save': (input) => service.save(input),
    'email.account.test': (input) => service.test(input),
    'email.account.status': () => service.status(),
  };
}

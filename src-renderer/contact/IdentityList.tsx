import type { Identity } from '../../src-shared/domain/contact';
import { identityDisplay } from '../format/identity-display';

export function IdentityList({ title, identities }: { title: string; identities: Identity[] }) {
  if (identities.length === 0) return null;
  return (
    <section className="contact-section">
      <h3 className="contact-section__title">{title}</h3>
      <ul className="identity-list">
        {identities.map((identity) => (
          <li key={identity.id} className={`identity${identity.valid ? '' : ' identity--invalid'}`}>
            <span className="identity__value">{identityDisplay(identity)}</span>
            {!identity.valid && (
              <span className="identity__warning">
                {identity.kind === 'email' ? 'invalid address' : 'invalid number'} — won't be sent to
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

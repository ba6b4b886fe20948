import { useEffect, useId } from 'react';
import { EmailSettings } from './EmailSettings';
import { WhatsAppSettings } from './whatsapp/WhatsAppSettings';
import { TeamSettings } from '../team/TeamSettings';
import { useSettingsStore } from './settings-store';

export function SettingsPanel() {
  const id = useId();
  const hide = useSettingsStore((state) => state.hide);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') hide();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [hide]);

  return (
    <div className="settings-backdrop">
      <div className="settings" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} data-testid="settings">
        <header className="settings__header">
          <h1 id={`${id}-title`} className="settings__title">
            Settings
          </h1>
          <button type="button" className="button" data-testid="close-settings" onClick={hide}>
            Close
          </button>
        </header>
        <div className="settings__body">
          <TeamSettings />
          <EmailSettings />
          <WhatsAppSettings />
        </div>
      </div>
    </div>
  );
}

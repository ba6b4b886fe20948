import { useSettingsStore } from './settings-store';

export function SettingsButton() {
  const show = useSettingsStore((state) => state.show);
  return (
    <button type="button" className="header-bar__settings" data-testid="open-settings" onClick={show}>
      Settings
    </button>
  );
}

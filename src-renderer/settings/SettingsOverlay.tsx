import { SettingsPanel } from './SettingsPanel';
import { useSettingsStore } from './settings-store';

/** Mounted only while open, so the form loads fresh each time and the status polling stops on close. */
export function SettingsOverlay() {
  const open = useSettingsStore((state) => state.open);
  return open ? <SettingsPanel /> : null;
}

import { useHotkeys, type HotkeyItem } from '@mantine/hooks';
import { useNavigate } from 'react-router';
import { useLock } from '../api/auth';
import { areaForShortcut, type Area } from './nav';

/** The app-wide shortcuts. The Counter screen lists the lock and area ones beside its own (F2 customer, F4 discount, F8 payment, F9 finish, Ctrl+Delete clear). */
export const SHORTCUTS: readonly { keys: string; action: string }[] = [
  { keys: 'F12 or Ctrl+L', action: 'Lock the screen' },
  { keys: 'Alt+1 … Alt+9', action: 'Go to the n-th area in the navigation' },
  { keys: 'Tab / Shift+Tab', action: 'Move between fields and buttons' },
  { keys: 'Enter', action: 'Submit the form or press the focused button' },
  { keys: 'Esc', action: 'Close a dialog' },
];

/** F12 / Ctrl+L lock the session and Alt+n opens the n-th area; they work inside inputs too. */
export function useGlobalShortcuts(areas: readonly Area[]): void {
  const navigate = useNavigate();
  const lock = useLock();
  const doLock = () => {
    if (!lock.isPending) lock.mutate();
  };
  const jumps: HotkeyItem[] = Array.from({ length: 9 }, (_, i) => [
    `alt+digit${i + 1}`,
    () => {
      const area = areaForShortcut(areas, i + 1);
      if (area) void navigate(area.path);
    },
    { usePhysicalKeys: true },
  ]);
  useHotkeys([['F12', doLock], ['mod+L', doLock], ...jumps], []);
}

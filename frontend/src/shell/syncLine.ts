// The sync state in one line, for the status bar and Admin → Sync.
import { formatDateTime } from './format';

/** The parts of the sync state these helpers read (SyncState and the status bar's SyncStatus both have them). */
export interface SyncLine {
  online: boolean;
  running: boolean;
  upgrade: boolean;
  lastSync: string;
  inbox: number;
}

/** "Syncing…", "Upgrade required", or online/offline with the last sync, for an enrolled workstation. */
export function enrolledSyncText(s: SyncLine): string {
  if (s.running) return 'Syncing…';
  if (s.upgrade) return 'Upgrade required';
  const state = s.online ? 'Online' : 'Offline';
  return s.lastSync ? `${state} · last sync ${formatDateTime(s.lastSync)}` : `${state} · not synced yet`;
}

/** "1 refused" / "3 refused", or "" when the inbox is empty. */
export function refusedText(n: number): string {
  return n > 0 ? `${n} refused` : '';
}

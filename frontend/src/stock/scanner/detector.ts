/**
 * Recognises a keyboard-wedge barcode scanner: it "types" the code much
 * faster than a person (every key within maxGapMs of the one before) and
 * ends it with Enter. Pure: the caller feeds keys with their timestamps.
 */
export interface ScanDetectorOptions {
  /** The fewest characters a scan has; shorter bursts are typing. */
  minLength?: number;
  /** The longest pause, in milliseconds, between two keys of one scan (exclusive). */
  maxGapMs?: number;
}

export const SCAN_MIN_LENGTH = 6;
export const SCAN_MAX_GAP_MS = 40;

/** Keys that arrive around a scanner's characters without being part of them. */
const MODIFIERS = new Set(['Shift', 'CapsLock']);

/** True for a key that puts one visible character (or a space) into a text. */
export function isPrintableKey(key: string): boolean {
  const chars = [...key];
  return chars.length === 1 && !/\p{Cc}/u.test(key);
}

export interface ScanDetector {
  /**
   * Feeds one keydown at time t (ms). Returns the scanned code when the key
   * is the Enter that ends a fast enough, long enough burst; otherwise null.
   */
  key(key: string, t: number): string | null;
  /** Forgets the burst so far (focus moved, a shortcut was pressed...). */
  reset(): void;
}

export function createScanDetector({ minLength = SCAN_MIN_LENGTH, maxGapMs = SCAN_MAX_GAP_MS }: ScanDetectorOptions = {}): ScanDetector {
  let buffer = '';
  let last = Number.NEGATIVE_INFINITY;
  const reset = () => {
    buffer = '';
    last = Number.NEGATIVE_INFINITY;
  };
  return {
    key(key, t) {
      const fast = t - last < maxGapMs;
      if (key === 'Enter') {
        const code = buffer;
        reset();
        return fast && [...code].length >= minLength ? code : null;
      }
      if (MODIFIERS.has(key)) return null;
      if (!isPrintableKey(key)) {
        reset();
        return null;
      }
      if (!fast) buffer = '';
      buffer += key;
      last = t;
      return null;
    },
    reset,
  };
}

/** True when keys typed at target go into a text: a text-like input, a textarea, a select or editable content. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  switch (el.tagName) {
    case 'TEXTAREA':
    case 'SELECT':
      return true;
    case 'INPUT':
      return !NON_TEXT_INPUTS.has((el as HTMLInputElement).type);
    default:
      return el.getAttribute('role') === 'combobox' || el.getAttribute('role') === 'textbox';
  }
}

const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'color', 'file', 'hidden', 'image', 'radio', 'range', 'reset', 'submit']);

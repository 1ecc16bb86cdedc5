import { useEffect, useRef } from 'react';
import { createScanDetector, isTextEntry } from './detector';

/**
 * Calls onScan with each barcode a keyboard-wedge scanner sends while the
 * focus is not in a text field (those take scans as typed text themselves).
 * The Enter that ends a scan is swallowed, so it does not also press a
 * focused button.
 */
export function useBarcodeScanner(onScan: (code: string) => void, enabled = true): void {
  const latest = useRef(onScan);
  useEffect(() => {
    latest.current = onScan;
  }, [onScan]);
  useEffect(() => {
    if (!enabled) return;
    const detector = createScanDetector();
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey || e.isComposing || isTextEntry(e.target)) {
        detector.reset();
        return;
      }
      const code = detector.key(e.key, e.timeStamp);
      if (code !== null) {
        e.preventDefault();
        e.stopPropagation();
        latest.current(code);
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [enabled]);
}

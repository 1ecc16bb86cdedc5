import type { ExportFile } from '../api/customers';

/** The bytes of a base64 text. */
export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Whether the app runs inside the desktop window (Wails serves it from the
 * wails:// scheme on Linux) rather than in a browser against the dev server.
 */
export function inDesktopWindow(protocol: string = window.location.protocol): boolean {
  return protocol === 'wails:';
}

/** Saves a file from the backend through a download link, in a browser. */
export function downloadFile(file: ExportFile): void {
  const blob = new Blob([base64ToBytes(file.base64)], { type: file.mimeType });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

import { PRINTER_KIND_LABELS, type PrinterDocument, type PrinterKind, type WorkstationPrinter } from '../api/printing';

// Early validation of a printer; the backend checks again (printing
// PrinterInput.Validate: the folder must exist, for one) and its coded errors
// land on the same fields.

/** The fields the backend names in its errors, which are the form's too. */
export const PRINTER_FIELDS = ['kind', 'target'] as const;

export interface PrinterFormValues {
  kind: PrinterKind;
  target: string;
}

/** The kinds a document may print with: ZPL is for labels only. */
export function kindsFor(document: PrinterDocument): { value: PrinterKind; label: string }[] {
  const kinds: PrinterKind[] = document === 'label' ? ['zpl', 'cups', 'folder'] : ['cups', 'folder'];
  return kinds.map((k) => ({ value: k, label: PRINTER_KIND_LABELS[k] }));
}

/** The form's values for a document's current printer; a new one starts as the usual kind for it. */
export function initialValues(p: Pick<WorkstationPrinter, 'document' | 'kind' | 'target'>): PrinterFormValues {
  const kinds = kindsFor(p.document as PrinterDocument).map((k) => k.value);
  if (kinds.includes(p.kind as PrinterKind)) return { kind: p.kind as PrinterKind, target: p.target };
  return { kind: kinds[0], target: '' };
}

/** The label of the target input for a kind. */
export function targetLabel(kind: PrinterKind): string {
  return kind === 'cups' ? 'CUPS printer' : kind === 'zpl' ? 'Address (host:port)' : 'Folder path';
}

/** A hint under the target input. */
export function targetHint(kind: PrinterKind): string {
  if (kind === 'cups') return 'Choose a queue of this workstation or type its name.';
  if (kind === 'zpl') return 'The label printer’s network address; the port is usually 9100.';
  return 'The full path of a folder on this workstation; each print is saved there as a PDF.';
}

function isAbsolutePath(s: string): boolean {
  return s.startsWith('/') || /^[A-Za-z]:[\\/]/.test(s) || s.startsWith('\\\\');
}

function hostPortError(s: string): string | null {
  const m = /^(\[[0-9A-Fa-f:.]+\]|[^\s:/\\@?#[\]]+)(?::(\d+))?$/.exec(s);
  if (!m) return 'Enter the address as host:port, such as 192.168.1.50:9100.';
  if (m[2] !== undefined) {
    const port = Number(m[2]);
    if (!(port >= 1 && port <= 65535)) return 'The port must be a number from 1 to 65535.';
  }
  return null;
}

/** The error of the target for a kind, or null when it looks fine. */
export function targetError(kind: PrinterKind, raw: string): string | null {
  const s = raw.trim();
  if (s === '') {
    if (kind === 'cups') return 'Choose or type the name of the CUPS printer.';
    if (kind === 'zpl') return 'Enter the address as host:port, such as 192.168.1.50:9100.';
    return 'Enter the folder’s full path.';
  }
  if ([...s].length > 500) return 'This must be at most 500 characters.';
  if (/\p{Cc}/u.test(s)) return 'This must not contain control characters.';
  if (kind === 'cups' && (/[\s/#\\'"]/.test(s) || s.startsWith('-'))) {
    return 'A CUPS printer name has no spaces, slashes, quotes or # and does not start with a dash.';
  }
  if (kind === 'zpl') return hostPortError(s);
  if (kind === 'folder' && !isAbsolutePath(s)) return 'Enter the folder’s full path, such as /srv/print/hot.';
  return null;
}

/** Mantine form validation for one document's printer. */
export function validatePrinter(document: PrinterDocument) {
  return {
    kind: (kind: PrinterKind) =>
      kindsFor(document).some((k) => k.value === kind) ? null : 'Choose how this document prints.',
    target: (target: string, values: PrinterFormValues) => targetError(values.kind, target),
  };
}

/** One line saying where a document prints now. */
export function describePrinter(p: Pick<WorkstationPrinter, 'kind' | 'target'>): string {
  if (p.kind === 'cups') return `CUPS printer “${p.target}”`;
  if (p.kind === 'zpl') return `Thermal printer at ${p.target} (ZPL)`;
  if (p.kind === 'folder') return `Saved to the folder ${p.target}`;
  return 'No printer set';
}

import { describe, expect, it } from 'vitest';
import { describePrinter, initialValues, kindsFor, targetError, validatePrinter } from './printerForm';

describe('printer form', () => {
  it('offers ZPL for shipping labels only', () => {
    expect(kindsFor('label').map((k) => k.value)).toEqual(['zpl', 'cups', 'folder']);
    for (const d of ['invoice', 'packing-slip', 'pick-list'] as const) {
      expect(kindsFor(d).map((k) => k.value)).toEqual(['cups', 'folder']);
    }
    const v = validatePrinter('invoice');
    expect(v.kind('zpl')).toBe('Choose how this document prints.');
    expect(v.kind('cups')).toBeNull();
    expect(validatePrinter('label').kind('zpl')).toBeNull();
  });

  it('starts from the current printer, or the usual kind for the document', () => {
    expect(initialValues({ document: 'invoice', kind: 'folder', target: '/srv/hot' })).toEqual({ kind: 'folder', target: '/srv/hot' });
    expect(initialValues({ document: 'invoice', kind: '', target: '' })).toEqual({ kind: 'cups', target: '' });
    expect(initialValues({ document: 'label', kind: '', target: '' })).toEqual({ kind: 'zpl', target: '' });
    // A kind the document cannot have is not kept.
    expect(initialValues({ document: 'pick-list', kind: 'zpl', target: '10.0.0.1:9100' })).toEqual({ kind: 'cups', target: '' });
  });

  it.each([
    ['cups', 'HP_LaserJet', null],
    ['cups', '  ', 'Choose or type the name of the CUPS printer.'],
    ['cups', 'HP Laser', 'A CUPS printer name has no spaces, slashes, quotes or # and does not start with a dash.'],
    ['cups', '-oraw', 'A CUPS printer name has no spaces, slashes, quotes or # and does not start with a dash.'],
    ['zpl', '192.168.1.50:9100', null],
    ['zpl', 'zebra.local', null],
    ['zpl', '[fe80::1]:6101', null],
    ['zpl', '', 'Enter the address as host:port, such as 192.168.1.50:9100.'],
    ['zpl', 'http://10.0.0.5:9100', 'Enter the address as host:port, such as 192.168.1.50:9100.'],
    ['zpl', '10.0.0.5:99999', 'The port must be a number from 1 to 65535.'],
    ['zpl', '10.0.0.5:0', 'The port must be a number from 1 to 65535.'],
    ['folder', '/srv/print/hot', null],
    ['folder', 'C:\\Print\\Hot', null],
    ['folder', 'print/hot', 'Enter the folder’s full path, such as /srv/print/hot.'],
    ['folder', '', 'Enter the folder’s full path.'],
    ['folder', '/a\nb', 'This must not contain control characters.'],
    ['folder', '/' + 'a'.repeat(500), 'This must be at most 500 characters.'],
  ] as const)('%s target %j', (kind, target, want) => {
    expect(targetError(kind, target)).toBe(want);
    expect(validatePrinter('label').target(target, { kind, target })).toBe(want);
  });

  it('says where a document prints', () => {
    expect(describePrinter({ kind: '', target: '' })).toBe('No printer set');
    expect(describePrinter({ kind: 'cups', target: 'Office' })).toBe('CUPS printer “Office”');
    expect(describePrinter({ kind: 'zpl', target: '10.0.0.5:9100' })).toBe('Thermal printer at 10.0.0.5:9100 (ZPL)');
    expect(describePrinter({ kind: 'folder', target: '/srv/hot' })).toBe('Saved to the folder /srv/hot');
  });
});

import { describe, expect, it } from 'vitest';
import { createScanDetector, isPrintableKey, isTextEntry } from './detector';

/** Feeds keys at the given gaps (ms) starting at t0 and returns what the detector reported. */
function feed(keys: string[], gaps: number | number[], t0 = 1000) {
  const d = createScanDetector();
  let t = t0;
  const out: (string | null)[] = [];
  keys.forEach((k, i) => {
    if (i > 0) t += Array.isArray(gaps) ? gaps[i - 1] : gaps;
    out.push(d.key(k, t));
  });
  return out.filter((x) => x !== null);
}

const keysOf = (code: string) => [...code, 'Enter'];

describe('scan detector', () => {
  it.each<[string, string[], number | number[], string[]]>([
    ['a 13-digit scan, 5 ms apart', keysOf('5901234123457'), 5, ['5901234123457']],
    ['exactly six characters', keysOf('ABC123'), 10, ['ABC123']],
    ['five characters are typing', keysOf('ABCDE'), 5, []],
    ['a person typing, 120 ms apart', keysOf('5901234123457'), 120, []],
    ['a gap of exactly 40 ms is too slow', keysOf('123456'), 40, []],
    ['39 ms apart still counts', keysOf('123456'), 39, ['123456']],
    ['Enter long after the burst', keysOf('123456'), [5, 5, 5, 5, 5, 200], []],
    ['a pause inside the burst starts a new one', keysOf('12345678'), [5, 300, 5, 5, 5, 5, 5, 5], ['345678']],
    ['Shift inside the burst is ignored', ['A', 'Shift', 'B', 'C', 'D', 'E', 'F', 'Enter'], 5, ['ABCDEF']],
    ['an arrow key breaks the burst', ['1', '2', '3', 'ArrowDown', '4', '5', '6', 'Enter'], 5, []],
    ['two scans in a row', [...keysOf('111111'), ...keysOf('222222')], 5, ['111111', '222222']],
    ['Enter alone', ['Enter'], 5, []],
  ])('%s', (_name, keys, gaps, want) => {
    expect(feed(keys, gaps)).toEqual(want);
  });

  it('starts afresh after reset', () => {
    const d = createScanDetector();
    for (const [i, k] of [...'123456'].entries()) d.key(k, i * 5);
    d.reset();
    expect(d.key('Enter', 30)).toBeNull();
  });

  it('honours its options', () => {
    const d = createScanDetector({ minLength: 3, maxGapMs: 100 });
    ['A', 'B', 'C'].forEach((k, i) => d.key(k, i * 90));
    expect(d.key('Enter', 270)).toBe('ABC');
  });

  it('knows printable keys', () => {
    expect(isPrintableKey('a')).toBe(true);
    expect(isPrintableKey(' ')).toBe(true);
    expect(isPrintableKey('€')).toBe(true);
    expect(isPrintableKey('Enter')).toBe(false);
    expect(isPrintableKey('\u0007')).toBe(false);
  });

  it('knows where keys go into a text', () => {
    const el = (html: string) => {
      const div = document.createElement('div');
      div.innerHTML = html;
      return div.firstElementChild;
    };
    expect(isTextEntry(el('<input type="text">'))).toBe(true);
    expect(isTextEntry(el('<input>'))).toBe(true);
    expect(isTextEntry(el('<input type="search">'))).toBe(true);
    expect(isTextEntry(el('<textarea></textarea>'))).toBe(true);
    expect(isTextEntry(el('<input type="checkbox">'))).toBe(false);
    expect(isTextEntry(el('<button>Go</button>'))).toBe(false);
    expect(isTextEntry(document.body)).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { base64ToBytes, inDesktopWindow } from './download';

describe('inDesktopWindow', () => {
  it.each([
    ['wails:', true],
    ['http:', false],
    ['https:', false],
    ['file:', false],
  ])('%s -> %s', (protocol, want) => {
    expect(inDesktopWindow(protocol)).toBe(want);
  });
});

describe('base64ToBytes', () => {
  it('decodes bytes, including ones above 127', () => {
    expect(Array.from(base64ToBytes(btoa('A\u00ff\u0000z')))).toEqual([65, 255, 0, 122]);
  });
});

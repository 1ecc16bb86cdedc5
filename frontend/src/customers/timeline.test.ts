import { describe, expect, it } from 'vitest';
import type { InteractionView } from '../api/customers';
import { dayLabel, groupByDay, kindLabel, validateInteraction } from './timeline';
import { eraseConfirmed } from './eraseForm';

const at = (iso: string, id: string): InteractionView => ({ id, kind: 'call', userName: 'Ada', occurredAt: iso, text: id });

describe('groupByDay', () => {
  it('groups a newest-first timeline by local day, keeping the order', () => {
    const local = (d: number, h: number) => new Date(2024, 4, d, h, 30).toISOString();
    const groups = groupByDay([at(local(3, 15), 'c'), at(local(3, 9), 'b'), at(local(1, 12), 'a')]);
    expect(groups.map((g) => [g.day, g.items.map((i) => i.id)])).toEqual([
      ['2024-05-03', ['c', 'b']],
      ['2024-05-01', ['a']],
    ]);
  });

  it('puts an unreadable time in a day of its own', () => {
    expect(groupByDay([at('garbage', 'x')])).toEqual([{ day: '', items: [at('garbage', 'x')] }]);
  });
});

describe('dayLabel', () => {
  const now = new Date(2024, 4, 3, 10);
  it('names today and yesterday', () => {
    expect(dayLabel('2024-05-03', now)).toBe('Today');
    expect(dayLabel('2024-05-02', now)).toBe('Yesterday');
    expect(dayLabel('2024-04-30', now)).toMatch(/2024/);
    expect(dayLabel('', now)).toBe('Unknown date');
  });
});

describe('validateInteraction', () => {
  it('needs a known kind and some text', () => {
    expect(validateInteraction({ kind: 'call', text: 'Asked for a quote.' })).toEqual({});
    expect(Object.keys(validateInteraction({ kind: 'fax', text: ' ' }))).toEqual(['kind', 'text']);
    expect(validateInteraction({ kind: 'note', text: 'x'.repeat(10_001) }).text).toMatch(/10000/);
  });

  it('labels kinds', () => {
    expect(kindLabel('complaint')).toBe('Complaint');
    expect(kindLabel('other')).toBe('other');
  });
});

describe('eraseConfirmed', () => {
  it('needs the code typed again, case and spaces aside', () => {
    expect(eraseConfirmed(' c-000001 ', 'C-000001')).toBe(true);
    expect(eraseConfirmed('C-00000', 'C-000001')).toBe(false);
    expect(eraseConfirmed('', '')).toBe(false);
  });
});

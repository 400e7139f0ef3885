import { describe, expect, it } from 'vitest';
import { clickMode, clickRow, emptySelection, selectAll } from './rowSelection.ts';

const rows = [10, 11, 12, 13, 14, 15].map((id) => ({ id }));
const ids = (s: { rows: ReadonlyMap<number, unknown> }) => [...s.rows.keys()].sort((a, b) => a - b);

describe('row selection', () => {
  it('click, Ctrl-click and Shift-click as in a file manager', () => {
    let s = clickRow(emptySelection(), rows, rows[1]!, 'replace');
    expect(ids(s)).toEqual([11]);
    s = clickRow(s, rows, rows[4]!, 'range');
    expect(ids(s)).toEqual([11, 12, 13, 14]);
    // A range backwards from the same anchor adds, keeping what was selected.
    s = clickRow(s, rows, rows[0]!, 'range');
    expect(ids(s)).toEqual([10, 11, 12, 13, 14]);
    s = clickRow(s, rows, rows[2]!, 'toggle');
    expect(ids(s)).toEqual([10, 11, 13, 14]);
    s = clickRow(s, rows, rows[5]!, 'range');
    expect(ids(s)).toEqual([10, 11, 12, 13, 14, 15]);
    s = clickRow(s, rows, rows[3]!, 'replace');
    expect(ids(s)).toEqual([13]);
  });

  it('a Shift-click with the anchor on another page starts afresh', () => {
    const s = clickRow({ rows: new Map([[99, { id: 99 }]]), anchor: 99 }, rows, rows[2]!, 'range');
    expect(ids(s)).toEqual([12]);
  });

  it('select all and the modifier keys', () => {
    expect(ids(selectAll(rows))).toEqual([10, 11, 12, 13, 14, 15]);
    expect(clickMode({ shiftKey: true, ctrlKey: true, metaKey: false })).toBe('range');
    expect(clickMode({ shiftKey: false, ctrlKey: false, metaKey: true })).toBe('toggle');
    expect(clickMode({ shiftKey: false, ctrlKey: false, metaKey: false })).toBe('replace');
  });
});

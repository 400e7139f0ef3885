// The app's label history on a real library of real files: queued changes see each other, undo
// and redo restore exactly each spectrum's previous label, a labels CSV starts the history afresh.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryService } from '../../../main/services/libraryService.ts';
import { realDataDir } from '../../../testing/realData.ts';
import { groupByLabel, LabelHistory } from './labelHistory.ts';

let service: LibraryService;
let ids: number[];

async function labelsOf(): Promise<Map<number, string | null>> {
  const { rows } = await service.handlers.listSpectra({ limit: 100_000, offset: 0, includeAverages: false });
  return new Map(rows.filter((r) => ids.includes(r.id)).map((r) => [r.id, r.label]));
}

function history(): LabelHistory {
  return new LabelHistory(async (labelOf, colour) => {
    for (const [label, spectrumIds] of groupByLabel(labelOf))
      await service.handlers.setLabel({ spectrumIds, label, ...(colour && label ? { colour } : {}) });
  });
}

beforeAll(async () => {
  service = new LibraryService({
    dbPath: join(mkdtempSync(join(tmpdir(), 'sts-lh-')), 'l.sqlite'),
    workers: 2,
  });
  await service.startImport([join(realDataDir(), 'nanonis-dat')]).done;
  const { rows } = await service.handlers.listSpectra({ limit: 8, offset: 0, includeAverages: false });
  ids = rows.map((r) => r.id);
});
afterAll(() => service.close());

describe('LabelHistory', () => {
  it('applies several labels as one change (accepted suggestions) and undoes it exactly', async () => {
    const h = history();
    const none = new Map<number, string | null>();
    await h.apply(ids.slice(0, 2), 'mine', none);
    const labelOf = new Map<number, string | null>(
      ids.slice(0, 6).map((id, i) => [id, i % 2 ? 'core' : 'crown-edge']),
    );
    await h.applyMany(labelOf, none);
    expect([...(await labelsOf())].slice(0, 6)).toEqual([...labelOf]);
    await h.undo();
    expect([...(await labelsOf())].slice(0, 6)).toEqual(
      ids.slice(0, 6).map((id, i) => [id, i < 2 ? 'mine' : null]),
    );
    await h.redo();
    expect([...(await labelsOf())].slice(0, 6)).toEqual([...labelOf]);
    await h.undo();
    await h.undo();
    expect([...(await labelsOf())].every(([, label]) => label === null)).toBe(true);
  });

  it('undoes and redoes queued overlapping changes exactly', async () => {
    expect(ids).toHaveLength(8);
    const h = history();
    const none = new Map<number, string | null>();
    // Fired without waiting, as fast key presses are; the second overlaps the first on ids 2, 3.
    void h.apply(ids.slice(0, 4), 'core', none);
    void h.apply(ids.slice(2, 6), 'crown-edge', none);
    await h.apply(ids.slice(5, 6), 'crown-edge', none); // no change: not a history step
    const afterBoth = await labelsOf();
    const expected = (a: number, b: number) =>
      ids.map((id, i) => [id, i < a ? 'core' : i < b ? 'crown-edge' : null]);
    expect([...afterBoth]).toEqual(expected(2, 6));

    await h.undo();
    expect([...(await labelsOf())]).toEqual(expected(4, 4));
    expect(h.getSnapshot()).toMatchObject({ canUndo: true, canRedo: true, error: null });
    await h.undo();
    expect([...(await labelsOf())]).toEqual(expected(0, 0));
    expect(h.getSnapshot().canUndo).toBe(false);
    await h.redo();
    await h.redo();
    expect([...(await labelsOf())]).toEqual(expected(2, 6));
    expect(h.getSnapshot().canRedo).toBe(false);
  });

  it('reports a failed write and keeps going', async () => {
    const h = history();
    await h.apply([999_999], 'core', new Map());
    expect(h.getSnapshot().error).toMatch(/no spectrum with id 999999/);
    expect(h.getSnapshot().canUndo).toBe(false);
    await h.apply(ids.slice(7), 'core', new Map());
    expect(h.getSnapshot().error).toBeNull();
  });

  it('forgets its steps after a labels CSV', async () => {
    const h = history();
    await h.apply(ids.slice(0, 1), 'defect', new Map());
    expect(h.getSnapshot().canUndo).toBe(true);
    h.labelsReplaced();
    await h.undo();
    expect(h.getSnapshot().canUndo).toBe(false);
    expect((await labelsOf()).get(ids[0]!)).toBe('defect');
  });
});

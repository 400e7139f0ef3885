// The run bar's staleness text names what differs: changed inputs, another scope, both, or nothing;
// and the scope offered when nothing was chosen.
import { describe, expect, it } from 'vitest';
import type { SessionRow } from '../../../shared/model/library.ts';
import { runStaleness } from './runStaleness.ts';
import { defaultScope } from './ScopePicker.tsx';

const session = (id: number, name: string): SessionRow => ({
  id,
  name,
  createdAt: '2026-11-26T10:00:00Z',
  files: 1,
  spectra: 2,
  from: null,
  to: null,
  labels: [],
});
const sessions = [session(2, 'MAPbBr3 day 2'), session(1, 'MAPbBr3 day 1')];

describe('runStaleness', () => {
  it('is null for a current run on the picked scope, whatever the order of its ids', () => {
    expect(runStaleness(false, { sessionIds: [1, 2] }, { sessionIds: [2, 1] }, sessions)).toBeNull();
    expect(runStaleness(false, { spectrumIds: [5, 3] }, { spectrumIds: [3, 5] }, sessions)).toBeNull();
  });

  it('says only that the inputs changed when the scope is the same', () => {
    expect(runStaleness(true, { sessionIds: [2] }, { sessionIds: [2] }, sessions)).toBe(
      'Labels, exclusions or spectra changed since this run.',
    );
  });

  it('names both scopes, not a label change, for a whole-library CLI run shown with a session picked', () => {
    expect(runStaleness(false, null, { sessionIds: [2] }, sessions)).toBe(
      'This run is on the whole library; the next run will be on session MAPbBr3 day 2.',
    );
    expect(runStaleness(false, undefined, { sessionIds: [2] }, sessions)).toContain('the whole library');
  });

  it('tells sessions from selected spectra and gives both reasons when both hold', () => {
    expect(runStaleness(true, { sessionIds: [1] }, { spectrumIds: [7, 8, 9] }, sessions)).toBe(
      'Labels, exclusions or spectra changed since this run. This run is on session MAPbBr3 day 1; the next run will be on 3 spectra selected in the Library.',
    );
  });

  it('compares nothing when no scope is picked yet (no sessions)', () => {
    expect(runStaleness(false, { sessionIds: [1] }, null, [])).toBeNull();
  });
});

describe('defaultScope', () => {
  const labelled = (row: SessionRow): SessionRow => ({
    ...row,
    labels: [{ name: 'core', colour: '#d62728', spectra: 20 }],
  });

  it('offers the newest session with labelled spectra, passing over newer unlabelled ones', () => {
    const rows = [session(3, 'grid'), labelled(session(2, 'demo')), labelled(session(1, 'older'))];
    expect(defaultScope(rows)).toEqual({ sessionIds: [2] });
  });

  it('offers the newest session when none is labelled, and nothing without sessions', () => {
    expect(defaultScope([session(3, 'grid'), session(2, 'demo')])).toEqual({ sessionIds: [3] });
    expect(defaultScope([])).toBeNull();
  });
});

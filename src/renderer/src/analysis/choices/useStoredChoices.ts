// Choices the user stores per spectrum in the library with a note (hand exclusions in Quality &
// exclusions, series edits in Degradation): the stored list, a save that shows at once and then
// takes the server's list, and how many spectra changed since the shown run (the next run applies
// them).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SpectrumChoice } from '../../../../shared/api/contract.ts';
import { errorText } from '../../data/libraryQueries.ts';
import { storedChoicesChanged } from '../../data/queryClient.ts';

const NO_CHOICES: ReadonlyArray<never> = [];

export interface StoredChoices<Action extends string> {
  choices: ReadonlyArray<SpectrumChoice<Action>>;
  error: string | null;
  /** Spectra whose choice changed here (not yet in the shown run). */
  changed: number;
  /** Stores (or with 'clear' forgets) a spectrum's choice; settles when the server has answered. */
  save(spectrumId: number, action: Action | 'clear', note: string): Promise<void>;
  /** The changes went into a new run. */
  applied(): void;
}

export interface ChoiceSource<Action extends string> {
  queryKey: readonly unknown[];
  list(): Promise<Array<SpectrumChoice<Action>>>;
  store(input: {
    spectrumId: number;
    action: Action | 'clear';
    note: string;
  }): Promise<Array<SpectrumChoice<Action>>>;
}

export function useStoredChoices<Action extends string>(source: ChoiceSource<Action>): StoredChoices<Action> {
  const queryClient = useQueryClient();
  const { data, error: loadError } = useQuery({ queryKey: source.queryKey, queryFn: source.list });
  // One empty list until loaded (a new [] per render would recompute whatever is memoised on it).
  const choices: ReadonlyArray<SpectrumChoice<Action>> = data ?? NO_CHOICES;
  const [changed, setChanged] = useState<ReadonlySet<number>>(new Set());
  const [saveError, setSaveError] = useState<string | null>(null);

  const save = (spectrumId: number, action: Action | 'clear', note: string): Promise<void> => {
    setSaveError(null);
    // A fetch of the list already under way would answer with the list before this change.
    void queryClient.cancelQueries({ queryKey: source.queryKey });
    // Shown at once (a controlled box must follow the click); the server's list then replaces it.
    queryClient.setQueryData<Array<SpectrumChoice<Action>>>(source.queryKey, (previous = []) => [
      ...previous.filter((c) => c.spectrumId !== spectrumId),
      ...(action === 'clear' ? [] : [{ spectrumId, action, note, updatedAt: new Date().toISOString() }]),
    ]);
    return source.store({ spectrumId, action, note }).then(
      (saved) => {
        queryClient.setQueryData(source.queryKey, saved);
        setChanged((c) => new Set(c).add(spectrumId));
        storedChoicesChanged(source.queryKey);
      },
      (e: unknown) => setSaveError(e instanceof Error ? e.message : String(e)),
    );
  };

  return {
    choices,
    error: saveError ?? errorText(loadError),
    changed: changed.size,
    save,
    applied: () => setChanged(new Set()),
  };
}

// Label colours: the library's (listLabels) when the label exists, else the colour the library
// will give the seed study's labels on first use (src/main/library/labels.ts), else grey.
import type { LabelRow } from '../../../shared/model/library.ts';

export const COMMON_LABELS = [
  { name: 'core', key: '1', testId: 'label-core', colour: '#d62728' },
  { name: 'crown-centre', key: '2', testId: 'label-crown-centre', colour: '#1f77b4' },
  { name: 'crown-edge', key: '3', testId: 'label-crown-edge', colour: '#2ca02c' },
] as const;

/** Outline of unlabelled markers. */
export const UNLABELLED_COLOUR = '#9aa0aa';

/** Suggested colours for a new user label, in turn. */
const USER_CYCLE = ['#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf', '#bcbd22'];

export function labelColour(name: string | null, labels: readonly LabelRow[]): string {
  if (name === null) return UNLABELLED_COLOUR;
  const known = labels.find((l) => l.name === name);
  if (known) return known.colour;
  return COMMON_LABELS.find((l) => l.name === name)?.colour ?? UNLABELLED_COLOUR;
}

export function suggestColour(labels: readonly LabelRow[]): string {
  const used = new Set(labels.map((l) => l.colour.toLowerCase()));
  return USER_CYCLE.find((c) => !used.has(c)) ?? (USER_CYCLE[labels.length % USER_CYCLE.length] as string);
}

// What became of the user's stored choices (exclusions, series edits) since the shown run: "N
// changes not yet in run R. [Run analysis again]" (the next run applies them), and a failed save
// or load. Test ids `${testId}-pending` and `${testId}-rerun`.
import type { StoredChoices } from './useStoredChoices.ts';

export function ChoicesStatus<Action extends string>({
  choices,
  runId,
  testId,
  onRerun,
}: {
  choices: StoredChoices<Action>;
  runId: number;
  testId: string;
  onRerun(): void;
}) {
  const { changed, error, applied } = choices;
  return (
    <>
      {changed > 0 && (
        <p className="stale" data-testid={`${testId}-pending`}>
          {changed} change{changed === 1 ? '' : 's'} not yet in run {runId}.{' '}
          <button
            className="small"
            data-testid={`${testId}-rerun`}
            onClick={() => {
              applied();
              onRerun();
            }}
          >
            Run analysis again
          </button>
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </>
  );
}

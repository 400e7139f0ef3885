// A field of paths, one per line (import and watch both take folders this way); the caller gets
// the text as typed and `pathsOf` turns it into the trimmed, non-empty paths.
export function PathsField({
  label,
  testId,
  rows,
  placeholder,
  value,
  onChange,
}: {
  label: string;
  testId: string;
  rows: number;
  placeholder: string;
  value: string;
  onChange(text: string): void;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <textarea
        data-testid={testId}
        rows={rows}
        placeholder={placeholder}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}

/** The paths of a PathsField's text: one per line, trimmed, blank lines left out. */
export function pathsOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

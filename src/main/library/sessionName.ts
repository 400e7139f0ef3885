// A session's first name: the folder (or file) it was imported from, as the instrument named it.

/** "…/2026-11-21 CsPbBr3" → "2026-11-21 CsPbBr3"; several roots → "first + 2 more". */
export function sessionNameOf(roots: readonly string[]): string {
  const names = roots.map(
    (root) =>
      root
        .replace(/[\\/]+$/, '')
        .split(/[\\/]/)
        .pop() || root,
  );
  if (names.length === 0) return 'Import';
  return names.length === 1 ? names[0]! : `${names[0]} + ${names.length - 1} more`;
}

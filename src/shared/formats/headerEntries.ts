// Header bookkeeping shared by the readers: entries in file order, first occurrence wins.

export type HeaderEntries = Array<[string, string]>;

/** `header` view of the entries: for a duplicated key the first value is kept (the contract). */
export function firstWins(entries: HeaderEntries): Record<string, string> {
  // A null-prototype object: keys such as `constructor` or `__proto__` are plain data here.
  const header = Object.create(null) as Record<string, string>;
  for (const [key, value] of entries) {
    if (!Object.prototype.hasOwnProperty.call(header, key)) header[key] = value;
  }
  return header;
}

/** Lines of a comment spread over numbered keys (`Comment01`, `Comment02` …) or one `Comment`. */
export function commentFrom(entries: HeaderEntries, keyPattern: RegExp): string {
  return entries
    .filter(([key]) => keyPattern.test(key))
    .map(([, value]) => value)
    .filter((value) => value.trim() !== '')
    .join('\n');
}

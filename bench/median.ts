// The median the benches print: the middle of the sorted values (the upper middle of an even
// count, a value that was measured).
export function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

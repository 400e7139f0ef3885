// Numbers in the reasons a user reads beside a flag or a missing edge: a current in the SI prefix
// that shows its digits (a MATRIX sweep's femtoampere step printed in whole pA read "−0 pA"), two
// biases with the decimals that tell them apart (a 0.2 mV step printed to 1 mV read "between
// 0.198 and 0.198 V").

const CURRENT_PREFIXES: ReadonlyArray<readonly [string, number]> = [
  ['', 1],
  ['m', 1e-3],
  ['µ', 1e-6],
  ['n', 1e-9],
  ['p', 1e-12],
  ['f', 1e-15],
];

/** A current (A) to three significant digits in the largest prefix it is at least 1 of: "−6.21 pA". */
export function currentText(amperes: number): string {
  if (!Number.isFinite(amperes)) return `${amperes} A`;
  const magnitude = Math.abs(amperes);
  const [symbol, factor] =
    magnitude === 0
      ? (['p', 1e-12] as const)
      : (CURRENT_PREFIXES.find(([, f]) => magnitude >= f) ?? CURRENT_PREFIXES[CURRENT_PREFIXES.length - 1]!);
  return `${Number((amperes / factor).toPrecision(3))} ${symbol}A`;
}

/** Two biases (V) with 3 decimals, or up to 6 where 3 would print them alike: "0.1982 and 0.1984 V". */
export function biasPairText(a: number, b: number): string {
  let decimals = 3;
  while (decimals < 6 && a.toFixed(decimals) === b.toFixed(decimals)) decimals++;
  return `${a.toFixed(decimals)} and ${b.toFixed(decimals)} V`;
}

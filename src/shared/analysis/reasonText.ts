// Numbers in the reasons a user reads beside a flag or a missing edge: a current step in whole pA
// as the reasons have always given it, or below that in fA with its digits (a MATRIX sweep's
// femtoampere step read "−0 pA"); two biases with the decimals that tell them apart (a 0.2 mV
// step printed to 1 mV read "between 0.198 and 0.198 V").

/** A current step (A): whole pA where that is at least 1 ("-6 pA", "1234 pA"), else fA to 3 digits ("-56.5 fA"). */
export function currentText(amperes: number): string {
  if (!Number.isFinite(amperes)) return `${amperes} A`;
  if (Math.abs(amperes) >= 0.5e-12) return `${(amperes * 1e12).toFixed(0)} pA`;
  return `${Number((amperes * 1e15).toPrecision(3))} fA`;
}

/** Two biases (V) with 3 decimals, or up to 6 where 3 would print them alike: "0.1982 and 0.1984 V". */
export function biasPairText(a: number, b: number): string {
  let decimals = 3;
  while (decimals < 6 && a.toFixed(decimals) === b.toFixed(decimals)) decimals++;
  return `${a.toFixed(decimals)} and ${b.toFixed(decimals)} V`;
}

/** A round scale-bar length (1, 2 or 5 × 10^n metres) close to a quarter of the frame width. */
export function niceLength(frameWidth: number): number {
  const target = frameWidth / 4;
  const exponent = Math.floor(Math.log10(target));
  const base = 10 ** exponent;
  const mantissa = target / base;
  return (mantissa >= 5 ? 5 : mantissa >= 2 ? 2 : 1) * base;
}

// Seeded random numbers, so a generated session is the same on every machine.
export { mulberry32 } from '../../src/shared/analysis/random.ts';

/** Standard normal deviates by Box–Muller from a uniform source. */
export function normal(uniform: () => number): () => number {
  return () => {
    const u = Math.max(uniform(), 1e-300);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
}

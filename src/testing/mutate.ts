// Seeded damage to a file's bytes, shared by the fuzz tests (basic kinds) and the fuzz benchmark
// (every kind). Each mutant says what was done, so a failure can be replayed from its seed.

/** Most parsing decisions sit in the text header; half of all damage lands in its first bytes. */
const HEADER_REGION = 8192;

export interface Mutant {
  bytes: Uint8Array;
  what: string;
}

/** The four kinds the fuzz tests have always used (byte flips, truncation, junk, junk + cut). */
const BASIC_KINDS = 4;
/** Kinds of the benchmark only: duplicated blocks, huge numbers, encodings, long lines, many columns. */
const ALL_KINDS = 10;

const encoder = new TextEncoder();

function splice(original: Uint8Array, at: number, insert: Uint8Array, removed = 0): Uint8Array {
  const bytes = new Uint8Array(original.length - removed + insert.length);
  bytes.set(original.subarray(0, at));
  bytes.set(insert, at);
  bytes.set(original.subarray(at + removed), at + insert.length);
  return bytes;
}

/**
 * One mutant of `original`. `heavy` adds the benchmark's kinds (megabyte lines, thousands of
 * columns, UTF-16); without it the sequence of mutants is what the fuzz tests have always replayed.
 */
export function mutate(original: Uint8Array, next: () => number, heavy = false): Mutant {
  const position = (): number =>
    Math.floor(next() * (next() < 0.5 ? Math.min(HEADER_REGION, original.length) : original.length));
  const kind = Math.floor(next() * (heavy ? ALL_KINDS : BASIC_KINDS));
  if (kind === 0) {
    const bytes = original.slice();
    const flips = 1 + Math.floor(next() * 8);
    for (let i = 0; i < flips; i++) bytes[position()] = Math.floor(next() * 256);
    return { bytes, what: `${flips} byte flips` };
  }
  if (kind === 1) {
    const at = position();
    return { bytes: original.slice(0, at), what: `truncated at ${at}` };
  }
  if (kind === 2 || kind === 3) {
    const at = position();
    const junk = new Uint8Array(1 + Math.floor(next() * 64)).map(() =>
      // Junk that looks like the format's own syntax is the most likely to confuse a reader.
      next() < 0.5
        ? '\t\n\r:=";[]0123456789.eE-+NaN'.charCodeAt(Math.floor(next() * 27))
        : Math.floor(next() * 256),
    );
    const bytes = splice(original, at, junk);
    if (kind === 2) return { bytes, what: `${junk.length} junk bytes inserted at ${at}` };
    bytes[position()] = Math.floor(next() * 256);
    return {
      bytes: bytes.slice(0, bytes.length - Math.floor(next() * 100)),
      what: `junk at ${at}, flip, cut tail`,
    };
  }
  if (kind === 4) {
    const from = position();
    const length = 1 + Math.floor(next() * Math.min(65_536, original.length - from));
    const copies = 1 + Math.floor(next() * 16);
    const block = original.subarray(from, from + length);
    const repeated = new Uint8Array(block.length * copies);
    for (let c = 0; c < copies; c++) repeated.set(block, c * block.length);
    return { bytes: splice(original, position(), repeated), what: `${copies} copies of ${length} bytes` };
  }
  if (kind === 5) {
    const huge = [
      '1e308',
      '-1e309',
      '9'.repeat(400),
      'NaN',
      '-Inf',
      '4294967297',
      '-2147483649',
      '0x7fffffff',
    ];
    const at = position();
    const token = encoder.encode(huge[Math.floor(next() * huge.length)] ?? '1e308');
    return {
      bytes: splice(original, at, token, Math.min(8, original.length - at)),
      what: `huge number at ${at}`,
    };
  }
  if (kind === 6) {
    // Encodings: a BOM in front, or the header re-encoded as UTF-16LE.
    if (next() < 0.5)
      return { bytes: splice(original, 0, new Uint8Array([0xef, 0xbb, 0xbf])), what: 'UTF-8 BOM' };
    const head = original.subarray(0, Math.min(original.length, HEADER_REGION));
    const wide = new Uint8Array(2 + head.length * 2);
    wide.set([0xff, 0xfe]);
    head.forEach((byte, i) => (wide[2 + i * 2] = byte));
    return { bytes: splice(original, 0, wide, head.length), what: 'header as UTF-16LE' };
  }
  if (kind === 7) {
    const length = 65_536 + Math.floor(next() * 4_000_000);
    const fill = next() < 0.5 ? 0x20 : 0x39;
    return {
      bytes: splice(original, position(), new Uint8Array(length).fill(fill)),
      what: `${length}-byte line`,
    };
  }
  if (kind === 8) {
    const columns = 100 + Math.floor(next() * 200_000);
    const name = next() < 0.5 ? 'Current (A)\t' : '\t';
    return {
      bytes: splice(original, position(), encoder.encode(name.repeat(columns))),
      what: `${columns} columns`,
    };
  }
  const at = position();
  const garbage = new Uint8Array(1 + Math.floor(next() * 262_144)).map(() => Math.floor(next() * 256));
  return {
    bytes: splice(original, at, garbage, Math.min(garbage.length, original.length - at)),
    what: `garbage at ${at}`,
  };
}

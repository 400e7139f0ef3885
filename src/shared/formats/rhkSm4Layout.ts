// RHK .sm4 binary layout: file header -> page index header -> page index array -> per page a page
// header (fixed 180-byte part, then an object list), its strings (UTF-16LE, u16 length prefix),
// spectroscopy drift data (tip position per curve) and int32 data. All little-endian; every object
// is located by an absolute (offset, size) pair, so each read is bounds-checked here.
import { ParseError } from './types.ts';

/** Object type ids (RHK SM4 specification, "object type"). */
export const OBJ = {
  pageIndexHeader: 1,
  pageIndexArray: 2,
  pageHeader: 3,
  pageData: 4,
  specDriftData: 8,
  stringData: 10,
} as const;

/** Page data types: 0 image, 1 line (spectra), others (xy, text, sequential, movie) not read. */
export const DATA_IMAGE = 0;
export const DATA_LINE = 1;
const DATA_SEQUENTIAL = 6;

/** Bytes of the fixed part of a (non-sequential) page header before its object list. */
const PAGE_HEADER_FIXED = 180;
/** A corrupt count must not make us allocate or loop for ever. */
const MAX_OBJECTS = 4096;
const MAX_PAGES = 65536;
const MAX_STRINGS = 256;

export interface Sm4Object {
  type: number;
  offset: number;
  size: number;
}

export interface Sm4Page {
  /** 1-based, in page index order. */
  index: number;
  dataType: number;
  pageType: number;
  lineType: number;
  xSize: number;
  ySize: number;
  scanType: number;
  groupId: number;
  /** Axis scales and offsets as stored (float32): x in `xUnits` per point, z in `zUnits` per count. */
  xScale: number;
  yScale: number;
  zScale: number;
  xOffset: number;
  yOffset: number;
  zOffset: number;
  /** Sampling period, s. */
  period: number;
  /** Set-point bias, V, and current, A, when the page was acquired. */
  bias: number;
  current: number;
  /** Scan angle, degrees. */
  angle: number;
  /** label, system, session, user, path, date, time, x/y/z units, x/y labels, ... (may be short). */
  strings: string[];
  /** Tip position of each curve (spectra), metres, from the spectroscopy drift data; null if absent. */
  curvePositions: Array<{ x: number; y: number }> | null;
  /** Raw int32 counts, x fastest then y (curves for line pages, rows for images). */
  raw: Int32Array | null;
}

export interface Sm4File {
  signature: string;
  pages: Sm4Page[];
  /** Pages of kinds this reader does not read (sequential, movie ...), by data type. */
  skippedDataTypes: number[];
}

class Reader {
  readonly view: DataView;
  readonly length: number;
  constructor(bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.length = bytes.length;
  }
  need(offset: number, size: number, what: string): void {
    if (offset < 0 || size < 0 || offset + size > this.length) {
      throw new ParseError(
        'truncated',
        `${what} at byte ${offset} (+${size}) lies outside the ${this.length}-byte file`,
      );
    }
  }
  u16(at: number): number {
    this.need(at, 2, 'u16');
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    this.need(at, 4, 'u32');
    return this.view.getUint32(at, true);
  }
  f32(at: number): number {
    this.need(at, 4, 'float32');
    return this.view.getFloat32(at, true);
  }
  utf16(at: number, chars: number): string {
    this.need(at, chars * 2, 'string');
    let out = '';
    for (let i = 0; i < chars; i++) out += String.fromCharCode(this.view.getUint16(at + 2 * i, true));
    return out;
  }
  objects(at: number, count: number, what: string): Sm4Object[] {
    if (count > MAX_OBJECTS) throw new ParseError('bad-header', `${what}: ${count} objects is implausible`);
    this.need(at, count * 12, `${what} object list`);
    const list: Sm4Object[] = [];
    for (let i = 0; i < count; i++) {
      const base = at + 12 * i;
      list.push({ type: this.u32(base), offset: this.u32(base + 4), size: this.u32(base + 8) });
    }
    return list;
  }
}

function find(list: Sm4Object[], type: number): Sm4Object | undefined {
  return list.find((o) => o.type === type && o.size > 0);
}

function readStrings(r: Reader, at: number, count: number): string[] {
  if (count > MAX_STRINGS) throw new ParseError('bad-header', `page header announces ${count} strings`);
  const strings: string[] = [];
  let p = at;
  for (let i = 0; i < count; i++) {
    const chars = r.u16(p);
    strings.push(r.utf16(p + 2, chars));
    p += 2 + 2 * chars;
  }
  return strings;
}

function readPage(
  r: Reader,
  index: number,
  dataType: number,
  header: Sm4Object,
  pageObjects: Sm4Object[],
): Sm4Page {
  const at = header.offset;
  r.need(at, PAGE_HEADER_FIXED, `page ${index} header`);
  const v = r.view;
  const stringCount = r.u16(at + 2);
  const xSize = r.u32(at + 24);
  const ySize = r.u32(at + 28);
  const objects = r.objects(at + PAGE_HEADER_FIXED, r.u32(at + 112), `page ${index} header`);
  const page: Sm4Page = {
    index,
    dataType,
    pageType: r.u32(at + 4),
    lineType: r.u32(at + 12),
    xSize,
    ySize,
    scanType: r.u32(at + 36),
    groupId: r.u32(at + 40),
    xScale: v.getFloat32(at + 56, true),
    yScale: v.getFloat32(at + 60, true),
    zScale: v.getFloat32(at + 64, true),
    xOffset: v.getFloat32(at + 72, true),
    yOffset: v.getFloat32(at + 76, true),
    zOffset: v.getFloat32(at + 80, true),
    period: v.getFloat32(at + 84, true),
    bias: v.getFloat32(at + 88, true),
    current: v.getFloat32(at + 92, true),
    angle: v.getFloat32(at + 96, true),
    strings: [],
    curvePositions: null,
    raw: null,
  };
  const strings = find(objects, OBJ.stringData);
  if (strings) page.strings = readStrings(r, strings.offset, stringCount);

  const drift = find(objects, OBJ.specDriftData);
  // The object's size is that of one 28-byte entry (seen in test_iv.SM4); there is one per curve.
  if (drift && dataType === DATA_LINE && ySize > 0) {
    r.need(drift.offset, ySize * 28, `page ${index} drift data`);
    page.curvePositions = [];
    // Per curve 7 float32: time (s), x (m), y (m), dx, dy, cumulative dx, cumulative dy.
    for (let k = 0; k < ySize; k++) {
      const base = drift.offset + 28 * k;
      page.curvePositions.push({ x: r.f32(base + 4), y: r.f32(base + 8) });
    }
  }

  const data = find(pageObjects, OBJ.pageData);
  const count = xSize * ySize;
  if (data && count > 0) {
    if (data.size < count * 4) {
      throw new ParseError(
        'truncated',
        `page ${index}: data object holds ${data.size} bytes, ${xSize} x ${ySize} int32 need ${count * 4}`,
      );
    }
    r.need(data.offset, count * 4, `page ${index} data`);
    const raw = new Int32Array(count);
    for (let i = 0; i < count; i++) raw[i] = v.getInt32(data.offset + 4 * i, true);
    page.raw = raw;
  }
  return page;
}

/** Reads the page structure of an .sm4 file; ParseError on anything outside the file or implausible. */
export function readSm4(bytes: Uint8Array): Sm4File {
  const r = new Reader(bytes);
  if (bytes.length < 58)
    throw new ParseError('truncated', `${bytes.length} bytes is too short for an SM4 header`);
  const signature = r.utf16(2, 18).replace(/\0+$/, '');
  if (!signature.startsWith('STiMage'))
    throw new ParseError('bad-signature', `signature "${signature}" is not STiMage`);
  const fileObjects = r.objects(58, r.u32(42), 'file header');
  const indexHeader = find(fileObjects, OBJ.pageIndexHeader);
  if (!indexHeader) throw new ParseError('bad-header', 'no page index header object');
  const pageCount = r.u32(indexHeader.offset);
  if (pageCount > MAX_PAGES) throw new ParseError('bad-header', `${pageCount} pages is implausible`);
  const indexObjects = r.objects(indexHeader.offset + 16, r.u32(indexHeader.offset + 4), 'page index header');
  const array = find(indexObjects, OBJ.pageIndexArray);
  if (!array) throw new ParseError('bad-header', 'no page index array object');

  const pages: Sm4Page[] = [];
  const skippedDataTypes: number[] = [];
  let p = array.offset;
  for (let i = 1; i <= pageCount; i++) {
    // 16-byte page id, then data type, source type, object count, minor version, object list.
    const dataType = r.u32(p + 16);
    const objects = r.objects(p + 32, r.u32(p + 24), `page ${i} index`);
    p += 32 + 12 * objects.length;
    const header = find(objects, OBJ.pageHeader);
    if (!header) throw new ParseError('bad-header', `page ${i} has no page header object`);
    if (dataType === DATA_SEQUENTIAL || (dataType !== DATA_IMAGE && dataType !== DATA_LINE)) {
      skippedDataTypes.push(dataType);
      continue;
    }
    pages.push(readPage(r, i, dataType, header, objects));
  }
  return { signature, pages, skippedDataTypes };
}

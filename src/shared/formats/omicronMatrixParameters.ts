// The Omicron MATRIX parameter file (`<experiment>_0001.mtrx`): a log of blocks, each `tag, uint32
// length, 8-byte time, content`. EEPA holds every element parameter at the start, PMOD one changed
// parameter, CCSY the channel tables (DICT: axes and channels; CHCS: axis lengths; XFER: transfer
// functions), MARK annotations (sample, STS location), and BREF the name of each data file as it is
// saved. A data file's settings are the state replayed up to its BREF. The file grows during a
// session, so a block cut by the end of the file ends the replay instead of failing it.
import { MatrixCursor, type MatrixValue } from './omicronMatrixCursor.ts';
import { ParseError } from './types.ts';

export interface MatrixParameter {
  value: MatrixValue;
  /** As written: `Volt`, `Ampere`, `Meter`, `Second`, `--` … */
  unit: string;
}

/** An independent axis: `Default::Spectroscopy::V`, `Default::XYScanner::X` … */
export interface MatrixAxis {
  name: string;
  /** Looping pattern `triangular`: every line or sweep is recorded forward then backward. */
  mirrored: boolean;
  /** Key of the slower axis this one repeats along (X -> Y), '0' for none. */
  next: string;
  /** Points along the axis including the mirrored half (CHCS), null if not given. */
  length: number | null;
}

export interface MatrixTransfer {
  /** `TFF_Linear1D`, `TFF_MultiLinear1D`, `TFF_Identity` … */
  kind: string;
  unit: string;
  params: Record<string, MatrixValue>;
}

/** What a data file's channel key resolves to. */
export interface MatrixChannel {
  /** Channel name as MATRIX writes it: `I(V)`, `Z`, `I(t)`. */
  name: string;
  unit: string;
  axis: MatrixAxis;
  /** The slower axis of an image (X -> Y), null for curves. */
  slowAxis: MatrixAxis | null;
  transfer: MatrixTransfer | null;
}

export interface MatrixSession {
  /** `Element.Parameter` -> value and unit, replayed up to the data file's BREF. */
  parameters: Map<string, MatrixParameter>;
  /** Whether a BREF names the data file (false: the end state of the file was used). */
  referenced: boolean;
  /** The last `MTRX$STS_LOCATION` before the BREF: `px,py;x,y%%…`, null if none. */
  stsLocation: string | null;
  sample: string;
  dataSet: string;
  comment: string;
  /** `MTRX$IMAGE_COMMENT`s before the BREF, by channel key (hex): the user's notes on that channel. */
  channelComments: Map<string, string[]>;
  channel(key: string): MatrixChannel | null;
}

interface ChannelTables {
  axes: Map<string, MatrixAxis>;
  dependent: Map<string, { name: string; unit: string; axis: string }>;
  channels: Map<string, string>;
  transfers: Map<string, MatrixTransfer>;
}

/** DICT: independent axes, dependent axes, channels (each a count then entries). */
function readDictionary(body: MatrixCursor, tables: ChannelTables): void {
  body.skip(8);
  for (let n = body.u32(); n > 0; n--) {
    const key = body.key();
    const next = body.key();
    const name = body.string();
    const mirrored = body.string() === 'triangular';
    tables.axes.set(key, { name, mirrored, next, length: tables.axes.get(key)?.length ?? null });
  }
  for (let n = body.u32(); n > 0; n--) {
    const key = body.key();
    const axis = body.key();
    const name = body.string();
    const unit = body.string();
    tables.dependent.set(key, { name, unit, axis });
  }
  for (let n = body.u32(); n > 0; n--) {
    const key = body.key();
    const dependent = body.key();
    body.string(); // "ChannelData: channel = Z, storage = …"
    tables.channels.set(key, dependent);
  }
}

/** CHCS: per independent axis its length (points incl. the mirrored half) and two flags. */
function readLengths(body: MatrixCursor, tables: ChannelTables): void {
  for (let n = body.u32(); n > 0; n--) {
    const key = body.key();
    const length = body.u32();
    body.skip(8);
    const axis = tables.axes.get(key);
    if (axis) axis.length = length;
  }
}

/** XFER: per dependent axis the transfer function from DAC counts to its unit. */
function readTransfers(body: MatrixCursor, tables: ChannelTables): void {
  while (body.left > 0) {
    const key = body.key();
    const kind = body.string();
    const unit = body.string();
    const params: Record<string, MatrixValue> = Object.create(null) as Record<string, MatrixValue>;
    for (let n = body.u32(); n > 0; n--) {
      const name = body.string();
      params[name] = body.value();
    }
    tables.transfers.set(key, { kind, unit, params });
  }
}

function readChannelTables(body: MatrixCursor, tables: ChannelTables): void {
  body.skip(4);
  while (body.left > 0) {
    const sub = body.block();
    if (sub.tag === 'TCID') readDictionary(sub.body, tables);
    else if (sub.tag === 'SCHC') readLengths(sub.body, tables);
    else if (sub.tag === 'REFX') readTransfers(sub.body, tables);
  }
}

function readInitialParameters(body: MatrixCursor, parameters: Map<string, MatrixParameter>): void {
  body.skip(4);
  for (let groups = body.u32(); groups > 0; groups--) {
    const element = body.string();
    for (let n = body.u32(); n > 0; n--) {
      const name = body.string();
      const unit = body.string();
      body.skip(4);
      parameters.set(`${element}.${name}`, { value: body.value(), unit });
    }
  }
}

/** `I(V).-47249096771-1-0--1%text`: channel name, decimal channel key, indices, then the text. */
const IMAGE_COMMENT = /^[^%]*?\.-(\d+)-[^%]*%([\s\S]*)$/;

function addChannelComment(comments: Map<string, string[]>, value: string): void {
  const match = IMAGE_COMMENT.exec(value);
  if (!match) return;
  const key = BigInt(match[1] as string).toString(16);
  comments.set(key, [...(comments.get(key) ?? []), match[2] as string]);
}

function markValue(mark: string, key: string): string | null {
  const prefix = `MTRX$${key}-`;
  return mark.startsWith(prefix) ? mark.slice(prefix.length) : null;
}

/** Replays the parameter file up to the BREF that names `dataFileName`. */
export function readMatrixSession(bytes: Uint8Array, dataFileName: string): MatrixSession {
  const file = new MatrixCursor(bytes, 0, bytes.length);
  if (bytes.length < 16 || String.fromCharCode(...bytes.subarray(0, 12)) !== 'ONTMATRX0101') {
    throw new ParseError('bad-parameter-file', 'parameter file has no ONTMATRX0101 signature');
  }
  file.skip(12);
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'ATEM') {
    throw new ParseError('bad-parameter-file', 'parameter file does not start with a META block');
  }
  const parameters = new Map<string, MatrixParameter>();
  const tables: ChannelTables = {
    axes: new Map(),
    dependent: new Map(),
    channels: new Map(),
    transfers: new Map(),
  };
  const session = {
    referenced: false,
    stsLocation: null as string | null,
    sample: '',
    dataSet: '',
    comment: '',
  };
  const channelComments = new Map<string, string[]>();
  while (file.left >= 16 && !session.referenced) {
    const tag = file.tag();
    const length = file.u32();
    file.skip(8);
    if (length > file.left) break; // the session was still writing this block
    const body = new MatrixCursor(bytes, file.at, file.at + length);
    file.at += length;
    if (tag === 'APEE') readInitialParameters(body, parameters);
    else if (tag === 'DOMP') {
      body.skip(4);
      const element = body.string();
      const name = body.string();
      const unit = body.string();
      body.skip(4);
      parameters.set(`${element}.${name}`, { value: body.value(), unit });
    } else if (tag === 'YSCC') readChannelTables(body, tables);
    else if (tag === 'KRAM') {
      const mark = body.string();
      session.stsLocation = markValue(mark, 'STS_LOCATION') ?? session.stsLocation;
      session.sample = markValue(mark, 'SAMPLE_NAME') ?? session.sample;
      session.dataSet = markValue(mark, 'DATA_SET_NAME') ?? session.dataSet;
      session.comment = markValue(mark, 'CREATION_COMMENT') ?? session.comment;
      const imageComment = markValue(mark, 'IMAGE_COMMENT');
      if (imageComment !== null) addChannelComment(channelComments, imageComment);
    } else if (tag === 'FERB') {
      body.skip(4);
      session.referenced = body.string() === dataFileName;
    }
  }
  const channel = (key: string): MatrixChannel | null => {
    const dependentKey = tables.channels.get(key);
    const dependent = dependentKey === undefined ? undefined : tables.dependent.get(dependentKey);
    const axis = dependent ? tables.axes.get(dependent.axis) : undefined;
    if (!dependent || !axis || dependentKey === undefined) return null;
    return {
      name: dependent.name,
      unit: dependent.unit,
      axis,
      slowAxis: axis.next === '0' ? null : (tables.axes.get(axis.next) ?? null),
      transfer: tables.transfers.get(dependentKey) ?? null,
    };
  };
  return { parameters, ...session, channelComments, channel };
}

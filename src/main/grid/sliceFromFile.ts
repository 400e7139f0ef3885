// The first map of a large grid without reading it whole: the header, then for each pixel only
// its parameters and the points of the bias window, by positional reads into small reused buffers
// (no 270 MB allocation, no page faults on fresh memory).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { readGridHead } from '../../shared/formats/nanonis3dsCube.ts';
import { biasSliceFromHead } from '../../shared/grid/biasSlice.ts';

const HEADER_CHUNK = 1 << 16;

export function biasSliceOfFile(path: string, channel: number, centre: number, halfWidth = 0): Float64Array {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    // The header is ASCII before :HEADER_END:; grow the read until it is inside.
    let length = Math.min(size, HEADER_CHUNK);
    let headBytes = new Uint8Array(length);
    for (;;) {
      readSync(fd, headBytes, 0, length, 0);
      if (new TextDecoder('latin1').decode(headBytes).includes(':HEADER_END:') || length === size) break;
      length = Math.min(size, length * 4);
      headBytes = new Uint8Array(length);
    }
    const head = readGridHead(headBytes, path);
    // readGridHead counted pixels in the header chunk only: count them in the whole file.
    head.present = Math.min(
      head.layout.pointsX * head.layout.pointsY,
      Math.floor((size - head.start) / head.layout.pixelBytes),
    );
    // One float per read would be a syscall per point; read 4 KB pages and serve floats from them.
    const page = new Uint8Array(4096);
    const view = new DataView(page.buffer);
    let pageStart = -1;
    let pageEnd = -1;
    const floatAt = (byte: number): number => {
      const at = head.start + byte;
      if (at < pageStart || at + 4 > pageEnd) {
        pageStart = at;
        pageEnd = at + readSync(fd, page, 0, page.length, at);
      }
      return view.getFloat32(at - pageStart);
    };
    return biasSliceFromHead(head, floatAt, channel, centre, halfWidth);
  } finally {
    closeSync(fd);
  }
}

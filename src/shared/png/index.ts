export { crc32 } from './crc32.ts';
export { readPngText, withPngITxt } from './pngText.ts';
export type { PngTextChunk } from './pngText.ts';

import { crc32, deflateSync } from 'node:zlib';

/** An 8-bit RGBA image, row by row, four bytes a pixel. */
export interface RgbaImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Width and height as stated in a PNG file's IHDR chunk. */
export interface PngSize {
  width: number;
  height: number;
}

/** Thrown when bytes that should be a PNG file are not one. */
export class NotPngError extends Error {
  readonly code = 'NOT_PNG';
  constructor(message: string) {
    super(message);
    this.name = 'NotPngError';
  }
}

const PNG_SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COLOR_TYPE_RGBA = 6;

/** Encodes an RGBA image as a PNG file (no filtering, zlib-compressed). */
export function encodePng(image: RgbaImage): Buffer {
  const { width, height, pixels } = image;
  if (pixels.length !== width * height * 4) {
    throw new RangeError(`expected ${width * height * 4} bytes of RGBA, got ${pixels.length}`);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = COLOR_TYPE_RGBA;
  // bytes 10-12: compression, filter and interlace methods, all 0

  const rowLength = width * 4;
  const raw = Buffer.alloc((rowLength + 1) * height);
  for (let y = 0; y < height; y++) {
    // Each row starts with its filter type; 0 means the bytes are stored as they are.
    raw[y * (rowLength + 1)] = 0;
    raw.set(pixels.subarray(y * rowLength, (y + 1) * rowLength), y * (rowLength + 1) + 1);
  }

  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Reads the image size from a PNG file's IHDR chunk; throws NotPngError for anything else. */
export function readPngSize(bytes: Uint8Array): PngSize {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 24 || !buffer.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new NotPngError('the file does not start with the PNG signature');
  }
  if (buffer.toString('latin1', 12, 16) !== 'IHDR') {
    throw new NotPngError('the first PNG chunk is not IHDR');
  }
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typeAndData), 0);
  return Buffer.concat([length, typeAndData, checksum]);
}

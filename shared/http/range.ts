/**
 * One HTTP byte range (RFC 9110 section 14) parsed against a file size. PMTiles basemaps are read by Range
 * requests, so both the app:// protocol (desktop) and the loopback web adapter (browser mode) honour them.
 *
 * - `full`: no Range header, a malformed one, another unit, or several ranges: answer 200 with everything
 *   (which RFC 9110 allows for any range request).
 * - `partial`: answer 206 with bytes start..end (inclusive) and `Content-Range: bytes start-end/size`.
 * - `unsatisfiable`: answer 416 with `Content-Range: bytes *\/size`.
 */
export type ByteRange =
  | { kind: 'full' }
  | { kind: 'partial'; start: number; end: number }
  | { kind: 'unsatisfiable' };

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/;

export function parseByteRange(header: string | null | undefined, size: number): ByteRange {
  if (!header) return { kind: 'full' };
  const match = SINGLE_RANGE.exec(header.trim());
  if (!match) return { kind: 'full' };
  const [, first, last] = match;
  if (first === '' && last === '') return { kind: 'full' };
  if (first === '') {
    // A suffix: the last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return { kind: 'unsatisfiable' };
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (end < start) return { kind: 'full' }; // syntactically invalid: ignore the header
  return { kind: 'partial', start, end };
}

export const contentRange = (start: number, end: number, size: number) => `bytes ${start}-${end}/${size}`;
export const unsatisfiedRange = (size: number) => `bytes */${size}`;

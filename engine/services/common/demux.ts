/**
 * The engine multiplexes stdout and stderr of a non-TTY container into one byte stream: each frame is an 8-byte
 * header (stream type, three zero bytes, big-endian payload size) followed by the payload. Frames and even
 * headers may be split across chunks, so this keeps what it has not finished.
 */
export type DemuxStream = 'stdin' | 'stdout' | 'stderr';

const HEADER = 8;
const TYPES: Record<number, DemuxStream> = { 0: 'stdin', 1: 'stdout', 2: 'stderr' };

export class Demuxer {
  private header = Buffer.alloc(0);
  private frameLeft = 0;
  private frameType: DemuxStream = 'stdout';

  constructor(private readonly onPayload: (stream: DemuxStream, payload: Buffer) => void) {}

  push(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.frameLeft > 0) {
        const n = Math.min(this.frameLeft, chunk.length - offset);
        this.onPayload(this.frameType, chunk.subarray(offset, offset + n));
        this.frameLeft -= n;
        offset += n;
        continue;
      }
      const need = HEADER - this.header.length;
      const take = chunk.subarray(offset, offset + need);
      this.header = this.header.length === 0 ? Buffer.from(take) : Buffer.concat([this.header, take]);
      offset += take.length;
      if (this.header.length < HEADER) return;
      const type = TYPES[this.header[0] ?? 1];
      if (!type) throw new Error(`Not a multiplexed stream (frame type ${this.header[0] ?? '?'})`);
      this.frameType = type;
      this.frameLeft = this.header.readUInt32BE(4);
      this.header = Buffer.alloc(0);
    }
  }

  /** True when the stream stopped between frames (nothing half-read). */
  get clean(): boolean {
    return this.frameLeft === 0 && this.header.length === 0;
  }
}

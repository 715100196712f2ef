import { describe, expect, it } from 'vitest';
import { tarHeader, tarParts } from './tar';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b).replace(/\0.*$/s, '');

/** Reads a ustar archive back the way tar(1) does: header fields, checksum, data and padding. */
function readTar(archive: Uint8Array): { path: string; mode: number; data: string }[] {
  const out: { path: string; mode: number; data: string }[] = [];
  for (let at = 0; at + 512 <= archive.length;) {
    const h = archive.subarray(at, at + 512);
    if (h.every((b) => b === 0)) break;
    const stored = parseInt(text(h.subarray(148, 156)).trim(), 8);
    const sum = h.reduce((a, b, i) => a + (i >= 148 && i < 156 ? 0x20 : b), 0);
    expect(sum).toBe(stored);
    expect(text(h.subarray(257, 263))).toBe('ustar');
    const size = parseInt(text(h.subarray(124, 136)), 8);
    const prefix = text(h.subarray(345, 500));
    const name = text(h.subarray(0, 100));
    out.push({
      path: prefix ? `${prefix}/${name}` : name,
      mode: parseInt(text(h.subarray(100, 108)), 8),
      data: new TextDecoder().decode(archive.subarray(at + 512, at + 512 + size)),
    });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

const concat = (parts: Uint8Array[]) => {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
};

describe('tar writer', () => {
  it('writes headers with valid checksums, data padded to blocks and a zero trailer', () => {
    const long = `${'deep/'.repeat(30)}file.txt`;
    const archive = concat(
      tarParts([
        { path: 'Dockerfile', data: bytes('FROM scratch\n') },
        { path: './src/app.js', data: bytes('console.log(1)\n'), mode: 0o755 },
        { path: long, data: bytes('x'.repeat(1500)) },
      ]),
    );
    expect(archive.length % 512).toBe(0);
    expect(archive.subarray(archive.length - 1024).every((b) => b === 0)).toBe(true);
    expect(readTar(archive)).toEqual([
      { path: 'Dockerfile', mode: 0o644, data: 'FROM scratch\n' },
      { path: 'src/app.js', mode: 0o755, data: 'console.log(1)\n' },
      { path: long, mode: 0o644, data: 'x'.repeat(1500) },
    ]);
  });

  it('refuses names that do not fit ustar', () => {
    expect(() => tarHeader({ path: 'a'.repeat(300), data: new Uint8Array() })).toThrow(/too long/);
  });
});

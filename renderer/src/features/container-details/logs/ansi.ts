/**
 * A small ANSI SGR parser for log lines: colours, bold, dim, italic, underline, inverse become styled spans;
 * every other escape sequence (cursor movement, erase line, OSC titles) is removed. Each line is parsed with a
 * fresh style — programs that colour logs reset at the end of a line, and it keeps lines independent, which a
 * virtualized view that renders any line on its own needs. (xterm in read-only mode would render more exotic
 * sequences, but it cannot virtualize 100,000 lines or search them the way this view does.)
 */

export interface AnsiStyle {
  fg?: string;
  bg?: string;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
}

export interface AnsiSegment {
  text: string;
  style: AnsiStyle;
}

/** xterm's default 16 colours. */
export const PALETTE = [
  '#000000', '#cd3131', '#0dbc79', '#e5e510', '#2472c8', '#bc3fbc', '#11a8cd', '#e5e5e5',
  '#666666', '#f14c4c', '#23d18b', '#f5f543', '#3b8eea', '#d670d6', '#29b8db', '#ffffff',
] as const;

// CSI ... final byte, OSC ... BEL/ST, and lone two-character escapes.
// eslint-disable-next-line no-control-regex
const ESCAPE = /\x1b\[([0-9;:?]*)([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;

export function parseAnsi(line: string): AnsiSegment[] {
  if (!line.includes('\x1b')) return line ? [{ text: line, style: {} }] : [];
  const out: AnsiSegment[] = [];
  let style: AnsiStyle = {};
  let last = 0;
  for (const m of line.matchAll(ESCAPE)) {
    const at = m.index;
    if (at > last) out.push({ text: line.slice(last, at), style });
    last = at + m[0].length;
    if (m[2] === 'm') style = applySgr(style, m[1] ?? '');
  }
  if (last < line.length) out.push({ text: line.slice(last), style });
  return out.filter((s) => s.text.length > 0);
}

/** The line as plain text (what search matches and downloads contain). */
export const stripAnsi = (line: string): string => (line.includes('\x1b') ? line.replace(ESCAPE, '') : line);

function xterm256(n: number): string | undefined {
  if (n < 0 || n > 255) return undefined;
  if (n < 16) return PALETTE[n];
  if (n >= 232) {
    const v = 8 + (n - 232) * 10;
    return rgb(v, v, v);
  }
  const i = n - 16;
  const level = (c: number) => (c === 0 ? 0 : 55 + c * 40);
  return rgb(level(Math.floor(i / 36)), level(Math.floor(i / 6) % 6), level(i % 6));
}

const rgb = (r: number, g: number, b: number) =>
  `#${[r, g, b].map((c) => Math.max(0, Math.min(255, c)).toString(16).padStart(2, '0')).join('')}`;

function applySgr(current: AnsiStyle, params: string): AnsiStyle {
  const codes = params === '' ? [0] : params.split(/[;:]/).map((p) => (p === '' ? 0 : Number(p)));
  let s: AnsiStyle = { ...current };
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i] ?? 0;
    if (c === 0) s = {};
    else if (c === 1) s.bold = true;
    else if (c === 2) s.dim = true;
    else if (c === 3) s.italic = true;
    else if (c === 4) s.underline = true;
    else if (c === 7) s.inverse = true;
    else if (c === 22) s = { ...s, bold: false, dim: false };
    else if (c === 23) s.italic = false;
    else if (c === 24) s.underline = false;
    else if (c === 27) s.inverse = false;
    else if (c >= 30 && c <= 37) s.fg = PALETTE[c - 30];
    else if (c >= 90 && c <= 97) s.fg = PALETTE[c - 90 + 8];
    else if (c >= 40 && c <= 47) s.bg = PALETTE[c - 40];
    else if (c >= 100 && c <= 107) s.bg = PALETTE[c - 100 + 8];
    else if (c === 39) delete s.fg;
    else if (c === 49) delete s.bg;
    else if (c === 38 || c === 48) {
      const mode = codes[i + 1];
      let colour: string | undefined;
      if (mode === 5) {
        colour = xterm256(codes[i + 2] ?? -1);
        i += 2;
      } else if (mode === 2) {
        colour = rgb(codes[i + 2] ?? 0, codes[i + 3] ?? 0, codes[i + 4] ?? 0);
        i += 4;
      }
      if (colour) s[c === 38 ? 'fg' : 'bg'] = colour;
    }
  }
  for (const k of ['bold', 'dim', 'italic', 'underline', 'inverse'] as const) if (s[k] === false) delete s[k];
  return s;
}

export interface HighlightedSegment extends AnsiSegment {
  /** Part of a search match; `current` for the match the user moved to. */
  match?: 'match' | 'current';
}

/** Every case-insensitive occurrence of `query` in `text`, as [start, end) ranges. */
export function findMatches(text: string, query: string): [number, number][] {
  if (!query) return [];
  const hay = text.toLowerCase();
  const needle = query.toLowerCase();
  const out: [number, number][] = [];
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) {
    out.push([at, at + needle.length]);
  }
  return out;
}

/** Cuts styled segments at the match ranges (given over the plain text) so matches can be marked. */
export function highlight(segments: AnsiSegment[], ranges: [number, number][], current = -1): HighlightedSegment[] {
  if (ranges.length === 0) return segments;
  const out: HighlightedSegment[] = [];
  let offset = 0;
  for (const seg of segments) {
    const end = offset + seg.text.length;
    let pos = offset;
    for (let r = 0; r < ranges.length; r++) {
      const [a, b] = ranges[r] ?? [0, 0];
      if (b <= pos || a >= end) continue;
      const from = Math.max(a, pos);
      const to = Math.min(b, end);
      if (from > pos) out.push({ text: seg.text.slice(pos - offset, from - offset), style: seg.style });
      out.push({ text: seg.text.slice(from - offset, to - offset), style: seg.style, match: r === current ? 'current' : 'match' });
      pos = to;
    }
    if (pos < end) out.push({ text: seg.text.slice(pos - offset), style: seg.style });
    offset = end;
  }
  return out;
}

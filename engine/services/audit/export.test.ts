import { describe, expect, it } from 'vitest';
import { openMemoryStore } from '../../store/sqlite';
import { csvCell, csvLine, exportStream } from './export';

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  let out = '';
  for await (const chunk of stream) out += String(chunk);
  return out;
}

describe('audit export', () => {
  it('quotes CSV cells and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"\n')).toBe('"say ""hi""\n"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    const line = csvLine({ id: 7, at: 0, user: 'al,ice', role: 'admin', via: 'web', method: 'containers.stop', params: { id: 'x' }, ok: false, errorCode: 'NOT_FOUND' });
    expect(line).toBe('7,1970-01-01T00:00:00.000Z,"al,ice",admin,web,containers.stop,false,NOT_FOUND,,"{""id"":""x""}"\r\n');
    const signIn = csvLine({ id: 8, at: 0, user: 'bob', role: 'anonymous', via: 'web', method: 'auth.login', params: { reason: 'wrong-password' }, ok: false, errorCode: 'UNAUTHENTICATED', client: '203.0.113.9' });
    expect(signIn).toBe('8,1970-01-01T00:00:00.000Z,bob,anonymous,web,auth.login,false,UNAUTHENTICATED,203.0.113.9,"{""reason"":""wrong-password""}"\r\n');
  });

  it('streams every matching entry across pages, newest first, and ignores entries added meanwhile', async () => {
    const store = openMemoryStore();
    const caller = { role: 'admin' as const, user: 'u', via: 'cli' as const };
    for (let i = 0; i < 2500; i++) store.audit.append({ at: i, caller, method: i % 2 ? 'volumes.create' : 'containers.stop', params: { i }, ok: true });
    let appendedDuring = false;
    const query = (q: Parameters<typeof store.audit.query>[0]) => {
      const rows = store.audit.query(q);
      if (!appendedDuring) {
        appendedDuring = true;
        store.audit.append({ at: 9999, caller, method: 'volumes.create', params: {}, ok: true });
      }
      return rows;
    };
    const out = await text(exportStream(query, { methodPrefix: 'volumes.' }, 'jsonl', new AbortController().signal));
    const lines = out.trimEnd().split('\n').map((l) => JSON.parse(l) as { params: { i: number } });
    expect(lines).toHaveLength(1250);
    expect(lines[0]?.params.i).toBe(2499);
    expect(lines.at(-1)?.params.i).toBe(1);
    store.close();
  });
});

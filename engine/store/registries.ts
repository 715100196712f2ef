import type Database from 'better-sqlite3';
import type { RegistriesStore, StoredRegistry } from './types';

interface Row {
  id: string;
  name: string;
  url: string;
  insecure: number;
  ca: string | null;
  username: string | null;
  secret: string | null;
  created_at: number;
}

const toRegistry = (r: Row): StoredRegistry => ({
  id: r.id,
  name: r.name,
  url: r.url,
  insecure: r.insecure === 1,
  ...(r.ca ? { ca: r.ca } : {}),
  ...(r.username ? { username: r.username } : {}),
  ...(r.secret ? { secret: r.secret } : {}),
  createdAt: r.created_at,
});

/** The registries table (migration 3 in sqlite.ts). Passwords arrive here already sealed. */
export function registriesStore(db: Database.Database): RegistriesStore {
  const all = db.prepare<[], Row>('SELECT * FROM registries ORDER BY name COLLATE NOCASE, url');
  const one = db.prepare<[string], Row>('SELECT * FROM registries WHERE id = ?');
  const put = db.prepare(
    'INSERT INTO registries (id, name, url, insecure, ca, username, secret, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ' +
      'ON CONFLICT(id) DO UPDATE SET name = excluded.name, url = excluded.url, insecure = excluded.insecure, ' +
      'ca = excluded.ca, username = excluded.username, secret = excluded.secret',
  );
  const del = db.prepare('DELETE FROM registries WHERE id = ?');
  return {
    list: () => all.all().map(toRegistry),
    get: (id) => {
      const row = one.get(id);
      return row ? toRegistry(row) : undefined;
    },
    put: (r) =>
      void put.run(r.id, r.name, r.url, r.insecure ? 1 : 0, r.ca ?? null, r.username ?? null, r.secret ?? null, r.createdAt),
    remove: (id) => void del.run(id),
  };
}

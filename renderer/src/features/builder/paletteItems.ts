import { useCallback } from 'react';
import { parse } from 'yaml';
import { useBerth } from '../../stores/context';
import { useBuilderStore } from './builderStore';
import { addService, declare, setImage, setLayout, uniqueName } from './model/edits';
import type { Position } from './model/types';

/** What the palette offers; dragged as JSON under PALETTE_MIME, or added with Enter. */
export type PaletteItem =
  | { kind: 'image'; image: string }
  | { kind: 'blank' }
  | { kind: 'template-service'; templateId: string; service: string }
  | { kind: 'volume' }
  | { kind: 'network' };

export const PALETTE_MIME = 'application/x-berth-palette';

export function readPaletteItem(data: string): PaletteItem | undefined {
  try {
    const v = JSON.parse(data) as PaletteItem;
    return typeof v === 'object' && typeof v.kind === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

export const paletteLabel = (item: PaletteItem): string =>
  item.kind === 'image' ? item.image : item.kind === 'template-service' ? `${item.service} (${item.templateId})` : `new ${item.kind === 'blank' ? 'service' : item.kind}`;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Adds a palette item to the canvas (at `at`, or where the layout puts it); an image dropped onto a service
 * replaces that service's image. Resolves to what happened, for the status line and screen readers.
 */
export function useAddPaletteItem() {
  const client = useBerth((s) => s.client);
  const store = useBuilderStore();
  return useCallback(
    async (item: PaletteItem, at?: Position, onto?: string): Promise<string> => {
      const { edit, select } = store.getState();
      const place = (kind: 'service' | 'volume' | 'network', name: string) => {
        select({ kind: 'node', id: `${kind}:${name}` });
        return name;
      };
      const position = (kind: 'service' | 'volume' | 'network', name: string) => (at ? [{ kind, name, position: at }] : []);
      if (item.kind === 'image' && onto) {
        edit((doc) => setImage(doc, onto, item.image));
        place('service', onto);
        return `Service ${onto} now uses ${item.image}`;
      }
      if (item.kind === 'volume' || item.kind === 'network') {
        const group = item.kind === 'volume' ? 'volumes' : 'networks';
        const name = edit((doc) => {
          const taken = (n: string) => doc.hasIn([group, n]);
          const n = uniqueName(item.kind === 'volume' ? 'data' : 'backend', taken);
          declare(doc, group, n);
          setLayout(doc, position(item.kind, n));
          return n;
        });
        return name ? `Added ${item.kind} ${place(item.kind, name)}` : 'Nothing added';
      }
      let definition: unknown;
      let base: string | undefined;
      if (item.kind === 'template-service') {
        const r = await client.call('templates.get', { id: item.templateId });
        if (!r.ok) throw new Error(`Could not read template ${item.templateId}: ${r.error.message}`);
        const compose: unknown = parse(r.value.compose, { maxAliasCount: 1000 });
        const services = isRecord(compose) && isRecord(compose.services) ? compose.services : {};
        definition = services[item.service];
        if (!isRecord(definition)) throw new Error(`Template ${item.templateId} has no service ${item.service}`);
        base = item.service;
      }
      const name = edit((doc) => {
        const n = addService(doc, { image: item.kind === 'image' ? item.image : undefined, name: base, definition });
        setLayout(doc, position('service', n));
        return n;
      });
      return name ? `Added service ${place('service', name)}` : 'Nothing added';
    },
    [client, store],
  );
}

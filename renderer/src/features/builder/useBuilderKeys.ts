import { useEffect } from 'react';
import { useBuilderStore } from './builderStore';
import { parseBuilder } from './model/derive';
import { addService, serviceDefinition, setLayout } from './model/edits';
import { parseNodeId } from './model/types';

/** Text fields and the code editor keep their own undo and clipboard. */
const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select, .monaco-editor') !== null);

/**
 * The builder's shortcuts while it is shown: Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z (or Ctrl+Y) redo, Ctrl/Cmd+C and
 * Ctrl/Cmd+V copy and paste the selected service (under a new name, beside the original).
 */
export function useBuilderKeys(onStatus: (message: string) => void): void {
  const store = useBuilderStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || typing(e.target)) return;
      const key = e.key.toLowerCase();
      const s = store.getState();
      if (key === 'z' && !e.shiftKey) s.undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') s.redo();
      else if (key === 'c') {
        const node = s.selection?.kind === 'node' ? parseNodeId(s.selection.id) : undefined;
        const r = parseBuilder(s.text);
        if (node?.kind !== 'service' || !r.ok) return;
        s.copy(node.name, serviceDefinition(r.doc, node.name));
        onStatus(`Copied service ${node.name}`);
      } else if (key === 'v' && s.clipboard) {
        const { name: original, definition } = s.clipboard;
        const at = s.model.layout.service[original];
        const name = s.edit((doc) => {
          const n = addService(doc, { name: original, definition });
          if (at) setLayout(doc, [{ kind: 'service', name: n, position: { x: at.x + 40, y: at.y + 40 } }]);
          return n;
        });
        if (name) {
          s.select({ kind: 'node', id: `service:${name}` });
          onStatus(`Pasted ${original} as ${name}`);
        }
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, onStatus]);
}

import { useEffect, useState } from 'react';
import { DangerDialog } from '../DangerDialog';
import { useBerthStore } from '../../stores/context';
import type { BerthStore } from '../../stores/store';
import { leavesPage } from './pages';

interface Pending {
  target: string;
  ids: string[];
  labels: string[];
}

function lostBy(store: BerthStore, target: string): Pending | null {
  const lost = Object.entries(store.getState().unsaved).filter(([, e]) => leavesPage(e.page, target));
  if (lost.length === 0) return null;
  return { target, ids: lost.map(([id]) => id), labels: [...new Set(lost.map(([, e]) => e.label))] };
}

const listed = (labels: string[]) =>
  labels.length === 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1] ?? ''}`;

/**
 * Asks before anything the user typed is lost: a link or sidebar entry to another page, Back/Forward, or a
 * reload/close of the window (the browser's own prompt) while an editor or form has unsaved input
 * (useUnsavedChanges). Mounted once per window.
 */
export function LeaveGuard() {
  const store = useBerthStore();
  const [pending, setPending] = useState<Pending | null>(null);

  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (Object.keys(store.getState().unsaved).length === 0) return;
      e.preventDefault();
      // Older Chromium (and Electron) still look at returnValue.
      e.returnValue = '';
    };
    // Links are stopped before the address changes, so the page never flickers.
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = e.target instanceof Element ? e.target.closest('a[href^="#"]') : null;
      const lost = link ? lostBy(store, link.getAttribute('href') ?? '') : null;
      if (!lost) return;
      e.preventDefault();
      setPending(lost);
    };
    // Anything else (Back, a script setting the hash): put the old address back before the routes see it.
    // A capture listener on window runs before the routes' own hashchange listeners.
    const onHashChange = (e: HashChangeEvent) => {
      const lost = lostBy(store, new URL(e.newURL).hash);
      if (!lost) return;
      e.stopImmediatePropagation();
      window.history.replaceState(window.history.state, '', e.oldURL);
      setPending(lost);
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    window.addEventListener('hashchange', onHashChange, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('hashchange', onHashChange, true);
    };
  }, [store]);

  if (!pending) return null;
  return (
    <DangerDialog
      id="leave-unsaved-title"
      title="Leave without saving?"
      lost={`Your changes to ${listed(pending.labels)} are not saved. Leaving this page discards them.`}
      confirmLabel="Discard and leave"
      onCancel={() => setPending(null)}
      onConfirm={() => {
        const { setUnsaved } = store.getState();
        for (const id of pending.ids) setUnsaved(id, null);
        setPending(null);
        window.location.hash = pending.target;
      }}
    />
  );
}

import { useState, type DragEvent } from 'react';

/** The dropped files; folders (which the browser hands over as entries, not bytes) are counted, not read. */
function droppedFiles(data: DataTransfer): { files: File[]; folders: number } {
  const items = Array.from(data.items ?? []).filter((i) => i.kind === 'file');
  if (items.length === 0) return { files: Array.from(data.files), folders: 0 };
  const files: File[] = [];
  let folders = 0;
  for (const item of items) {
    if (item.webkitGetAsEntry?.()?.isDirectory) folders++;
    else {
      const file = item.getAsFile();
      if (file) files.push(file);
    }
  }
  return { files, folders };
}

/**
 * Files dragged from the desktop onto an element: `dragging` while they hover over it (for an outline), and
 * `onFiles` with what was dropped. Without `enabled` the element takes no drops.
 */
export function useFileDrop(enabled: boolean, onFiles: (files: File[], folders: number) => void) {
  const [dragging, setDragging] = useState(false);
  if (!enabled) return { dragging: false, dropProps: {} };
  return {
    dragging,
    dropProps: {
      onDragOver: (e: DragEvent) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      },
      onDragLeave: (e: DragEvent) => {
        if (!(e.relatedTarget instanceof Node) || !e.currentTarget.contains(e.relatedTarget)) setDragging(false);
      },
      onDrop: (e: DragEvent) => {
        e.preventDefault();
        setDragging(false);
        const { files, folders } = droppedFiles(e.dataTransfer);
        onFiles(files, folders);
      },
    },
  };
}

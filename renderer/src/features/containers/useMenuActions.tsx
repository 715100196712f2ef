import { useCallback, useState, type ReactNode } from 'react';
import { containerName, methods } from '../../api/contract';
import { downloadTicket } from '../../api/transfers';
import { useBerth } from '../../stores/context';
import type { ContainerRow } from '../../stores/selectors';
import type { ContainerMenuActionDef } from './actions';
import { RunContainerDialog, type RunDialogMode } from './run/RunContainerDialog';
import { TextFormDialog } from './TextFormDialog';

type OpenDialog =
  | { kind: 'run'; mode: RunDialogMode }
  | { kind: 'rename'; row: ContainerRow }
  | { kind: 'commit'; row: ContainerRow };

const firstIssue = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? undefined : r.error?.issues[0]?.message;

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs the row menu's actions (copy, download, open, dialogs) and renders the dialog that is open. `onRan`
 * gets the container a dialog made or changed, so the list can highlight it.
 */
export function useMenuActions(onRan: (id: string) => void): {
  onMenuAction: (row: ContainerRow, action: ContainerMenuActionDef) => void;
  openRun: () => void;
  dialog: ReactNode;
} {
  const client = useBerth((s) => s.client);
  const notify = useBerth((s) => s.notify);
  const [open, setOpen] = useState<OpenDialog | null>(null);
  const close = useCallback(() => setOpen(null), []);

  const onMenuAction = useCallback(
    (row: ContainerRow, action: ContainerMenuActionDef) => {
      switch (action.id) {
        case 'copyRun':
        case 'copyCompose':
          void client
            .call(action.id === 'copyRun' ? 'containers.runCommand' : 'containers.composeService', {
              id: row.id,
            })
            .then(async (r) => {
              if (!r.ok)
                return notify(
                  'error',
                  `Could not make the ${action.label.toLowerCase()} text for ${row.name}: ${r.error.message}`,
                );
              if (await copyText(r.value)) notify('success', `${action.copied ?? 'Copied'} (${row.name})`);
              else notify('warning', `The clipboard is not available here. ${r.value}`);
            });
          return;
        case 'export':
          void client.call('containers.export', { id: row.id }).then((r) => {
            if (!r.ok) return notify('error', `Could not export ${row.name}: ${r.error.message}`);
            downloadTicket(client, r.value);
            notify('info', `Downloading ${r.value.filename ?? row.name + '.tar'}…`);
          });
          return;
        case 'openPort': {
          const url = row.ports.find((p) => p.url)?.url;
          if (url) window.open(url, '_blank', 'noopener,noreferrer');
          return;
        }
        case 'edit':
          setOpen({ kind: 'run', mode: { kind: 'edit', id: row.id, name: row.name } });
          return;
        case 'rename':
        case 'commit':
          setOpen({ kind: action.id, row });
          return;
      }
    },
    [client, notify],
  );

  let dialog: ReactNode = null;
  if (open?.kind === 'run') {
    dialog = (
      <RunContainerDialog
        mode={open.mode}
        onClose={close}
        onDone={(c, message) => {
          close();
          notify('success', message);
          onRan(c.id);
        }}
      />
    );
  } else if (open?.kind === 'rename') {
    const { row } = open;
    dialog = (
      <TextFormDialog
        title={`Rename ${row.name}`}
        description="The container keeps running; only its name changes. Scripts and links that use the old name stop finding it."
        fields={[
          {
            name: 'name',
            label: 'New name',
            initial: row.name,
            check: (v) => firstIssue(containerName.safeParse(v)),
          },
        ]}
        submitLabel="Rename"
        busyLabel="Renaming…"
        onSubmit={(v) => client.call('containers.rename', { id: row.id, name: v.name ?? '' })}
        onClose={close}
        onDone={() => {
          close();
          notify('success', `Renamed ${row.name}`);
        }}
      />
    );
  } else if (open?.kind === 'commit') {
    const { row } = open;
    const shape = methods['containers.commit'].input.shape;
    dialog = (
      <TextFormDialog
        title={`Commit ${row.name} to an image`}
        description="Saves the container's current filesystem (not its volumes) as a new image. A running container is paused while it is copied."
        fields={[
          {
            name: 'repo',
            label: 'Repository',
            initial: '',
            placeholder: 'e.g. team/app',
            check: (v) => (v === '' ? 'A repository name is required' : firstIssue(shape.repo.safeParse(v))),
          },
          { name: 'tag', label: 'Tag', initial: 'latest', check: (v) => firstIssue(shape.tag.safeParse(v)) },
          { name: 'message', label: 'Message', initial: '' },
          { name: 'author', label: 'Author', initial: '' },
        ]}
        submitLabel="Commit"
        busyLabel="Committing…"
        onSubmit={(v) =>
          client.call('containers.commit', {
            id: row.id,
            repo: v.repo ?? '',
            tag: v.tag ?? 'latest',
            ...(v.message ? { message: v.message } : {}),
            ...(v.author ? { author: v.author } : {}),
          })
        }
        onClose={close}
        onDone={(r) => {
          close();
          notify(
            'success',
            `Committed ${row.name} as image ${r.imageId.replace(/^sha256:/, '').slice(0, 12)}`,
          );
        }}
      />
    );
  }
  return {
    onMenuAction,
    openRun: useCallback(() => setOpen({ kind: 'run', mode: { kind: 'run' } }), []),
    dialog,
  };
}

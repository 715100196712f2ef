// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fireEvent } from '@testing-library/react';
import {
  fail,
  ok,
  type FilePreview,
  type BerthErrorData,
  type FileEntry,
  type FileListing,
  type Result,
} from '../../api/contract';
import { withFakeLayout } from '../../testing/render';
import { FileBrowser, type FileBrowserProps } from './FileBrowser';

withFakeLayout();

const entry = (
  dir: string,
  name: string,
  type: FileEntry['type'],
  over: Partial<FileEntry> = {},
): FileEntry => ({
  name,
  path: dir === '/' ? `/${name}` : `${dir}/${name}`,
  type,
  size: type === 'file' ? 1500 : 0,
  mode: type === 'dir' ? 'drwxr-xr-x' : '-rw-r--r--',
  mtime: Date.UTC(2024, 0, 1),
  ...over,
});
const tree: Record<string, FileEntry[]> = {
  '/': [
    entry('/', 'b.txt', 'file', { size: 20 }),
    entry('/', 'etc', 'dir'),
    entry('/', 'a.txt', 'file', { size: 3000 }),
    entry('/', 'lib', 'link', { linkTarget: 'usr/lib' }),
  ],
  '/etc': [entry('/etc', 'hostname', 'file')],
  '/usr/lib': [entry('/usr/lib', 'libc.so', 'file')],
  '/empty': [],
};

function setup(over: Partial<FileBrowserProps> = {}) {
  const list = vi.fn((path: string): Promise<Result<FileListing>> => {
    const entries = tree[path];
    return Promise.resolve(
      entries
        ? ok({ path, type: 'dir', entries, truncated: false })
        : fail('NOT_FOUND', `${path} does not exist. Check the path.`),
    );
  });
  const download = vi.fn((_path: string): Promise<BerthErrorData | null> => Promise.resolve(null));
  const props: FileBrowserProps = {
    root: { path: '/', label: '/' },
    list,
    download,
    folderFormat: '.tar',
    followLink: (dir, target) => (target.startsWith('/') ? target : `${dir === '/' ? '' : dir}/${target}`),
    ...over,
  };
  const user = userEvent.setup();
  render(<FileBrowser {...props} />);
  return { list, download, user };
}
/** The grid of `dir` once its listing arrived (the first row is the header). */
async function gridOf(dir: string): Promise<HTMLElement> {
  const grid = await screen.findByRole('grid', { name: `Files in ${dir}` });
  await waitFor(() => expect(within(grid).getAllByRole('row').length).toBeGreaterThan(1));
  return grid;
}
const names = (grid: HTMLElement) =>
  within(grid)
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.getAttribute('aria-label'));

describe('FileBrowser', () => {
  it('lists folders first with sizes, and sorts by a column', async () => {
    const { user } = setup();
    const root = await gridOf('/');
    expect(names(root)).toEqual(['etc', 'a.txt', 'b.txt', 'lib']);
    expect(within(root).getByRole('row', { name: 'a.txt' })).toHaveTextContent('3.0 kB');
    await user.click(within(root).getByRole('button', { name: 'Size' }));
    expect(names(root)).toEqual(['etc', 'a.txt', 'b.txt', 'lib']);
    await user.click(within(root).getByRole('button', { name: 'Size' }));
    expect(names(root)).toEqual(['etc', 'lib', 'b.txt', 'a.txt']);
  });

  it('opens folders and goes back by the breadcrumbs', async () => {
    const { list, user } = setup();
    await user.click(within(await gridOf('/')).getByRole('button', { name: 'etc' }));
    const etc = await gridOf('/etc');
    expect(within(etc).getByRole('row', { name: 'hostname' })).toBeInTheDocument();
    const crumbs = screen.getByRole('navigation', { name: 'Folder path' });
    expect(within(crumbs).getByText('etc')).toHaveAttribute('aria-current', 'location');
    await user.click(within(crumbs).getByRole('button', { name: '/' }));
    expect(await gridOf('/')).toBeInTheDocument();
    expect(list.mock.calls.map(([p]) => p)).toEqual(['/', '/etc', '/']);
  });

  it('opens a folder once on a double click, on its row or on its name, and separates levels with a chevron', async () => {
    const { list, user } = setup();
    await user.dblClick(within(await gridOf('/')).getByRole('row', { name: 'etc' }));
    expect(await gridOf('/etc')).toBeInTheDocument();
    const crumbs = screen.getByRole('navigation', { name: 'Folder path' });
    expect(crumbs.textContent).toBe('/etc');
    await user.click(within(crumbs).getByRole('button', { name: '/' }));
    await user.dblClick(within(await gridOf('/')).getByRole('button', { name: 'etc' }));
    expect(await gridOf('/etc')).toBeInTheDocument();
    expect(list.mock.calls.map(([p]) => p)).toEqual(['/', '/etc', '/', '/etc']);
  });

  it('follows a link with Enter on its row, and offers no download for it', async () => {
    const { user } = setup();
    const root = await gridOf('/');
    const link = within(root).getByRole('row', { name: 'lib' });
    expect(within(link).queryByRole('button', { name: 'Download lib' })).not.toBeInTheDocument();
    link.focus();
    await user.keyboard('{Enter}');
    expect(await gridOf('/usr/lib')).toBeInTheDocument();
  });

  it('moves between rows with the arrow keys and opens a folder with Enter', async () => {
    const { user } = setup();
    const root = await gridOf('/');
    within(root).getByRole('row', { name: 'etc' }).focus();
    await user.keyboard('{ArrowDown}');
    expect(within(root).getByRole('row', { name: 'a.txt' })).toHaveFocus();
    await user.keyboard('{ArrowUp}{Enter}');
    expect(await gridOf('/etc')).toBeInTheDocument();
  });

  it('downloads a file and the folder shown, and says why a download failed', async () => {
    const { download, user } = setup();
    const root = await gridOf('/');
    await user.click(within(root).getByRole('button', { name: 'Download a.txt' }));
    await user.click(screen.getByRole('button', { name: 'Download folder' }));
    expect(download.mock.calls).toEqual([['/a.txt'], ['/']]);
    download.mockResolvedValueOnce({ code: 'INVALID_ARGUMENT', message: 'The file is gone.' });
    await user.click(within(root).getByRole('button', { name: 'Download b.txt' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not download b.txt: The file is gone.');
  });

  it('uploads into the folder shown with progress, then lists it again', async () => {
    let finish: (error: null | { code: 'FORBIDDEN'; message: string }) => void = () => undefined;
    const upload = vi.fn((_dir: string, _file: File, onProgress: (f: number | undefined) => void) => {
      onProgress(0.5);
      return new Promise<null | { code: 'FORBIDDEN'; message: string }>((resolve) => (finish = resolve));
    });
    const { list, user } = setup({ upload });
    await user.click(within(await gridOf('/')).getByRole('button', { name: 'etc' }));
    await gridOf('/etc');
    await user.upload(screen.getByLabelText('Files to upload'), new File(['x'], 'new.txt'));
    expect(await screen.findByText('Uploading new.txt to /etc…')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50');
    expect(screen.getByRole('button', { name: 'Upload files' })).toBeDisabled();
    finish(null);
    expect(await screen.findByText('Uploaded new.txt to /etc.')).toBeInTheDocument();
    expect(upload.mock.calls[0]?.slice(0, 2)).toEqual(['/etc', expect.objectContaining({ name: 'new.txt' })]);
    await waitFor(() => expect(list.mock.calls.map(([p]) => p)).toEqual(['/', '/etc', '/etc']));

    await user.upload(screen.getByLabelText('Files to upload'), new File(['x'], 'ro.txt'));
    finish({ code: 'FORBIDDEN', message: '/etc is read-only.' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not upload ro.txt: /etc is read-only.');
  });

  it('uploads several chosen files one after the other, going on past a failure', async () => {
    const upload = vi.fn((_dir: string, file: File) =>
      Promise.resolve(file.name === 'bad.txt' ? { code: 'FORBIDDEN' as const, message: 'No space left.' } : null),
    );
    const { list, user } = setup({ upload });
    await gridOf('/');
    await user.upload(screen.getByLabelText('Files to upload'), [new File(['1'], 'one.txt'), new File(['2'], 'two.txt')]);
    expect(await screen.findByText('Uploaded 2 files to /.')).toBeInTheDocument();
    expect(upload.mock.calls.map(([dir, file]) => [dir, file.name])).toEqual([['/', 'one.txt'], ['/', 'two.txt']]);
    await waitFor(() => expect(list).toHaveBeenCalledTimes(2));
    await user.upload(screen.getByLabelText('Files to upload'), [new File(['x'], 'bad.txt'), new File(['3'], 'three.txt')]);
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not upload bad.txt: No space left. 1 file uploaded to /.');
    expect(upload).toHaveBeenCalledTimes(4);
  });

  it('uploads files dropped on the browser into the folder shown', async () => {
    const upload = vi.fn((_dir: string, _file: File) => Promise.resolve(null));
    const { user } = setup({ upload });
    await user.click(within(await gridOf('/')).getByRole('button', { name: 'etc' }));
    const etc = await gridOf('/etc');
    const files = [new File(['a'], 'a.conf'), new File(['b'], 'b.conf')];
    fireEvent.dragOver(etc, { dataTransfer: { types: ['Files'], files } });
    fireEvent.drop(etc, { dataTransfer: { types: ['Files'], files } });
    expect(await screen.findByText('Uploaded 2 files to /etc.')).toBeInTheDocument();
    expect(upload.mock.calls.map(([dir, file]) => [dir, file.name])).toEqual([['/etc', 'a.conf'], ['/etc', 'b.conf']]);
    // A folder is not read as a file: the browser hands it over as a directory entry.
    const folder = { kind: 'file', webkitGetAsEntry: () => ({ isDirectory: true }), getAsFile: () => null };
    fireEvent.drop(etc, { dataTransfer: { types: ['Files'], files: [], items: [folder] } });
    expect(await screen.findByRole('alert')).toHaveTextContent('Folders cannot be uploaded: drop the files inside them instead.');
    expect(upload).toHaveBeenCalledTimes(2);
  });

  it('previews a text file read-only, and says when a file is binary', async () => {
    const answers: Record<string, FilePreview> = {
      '/a.txt': { path: '/a.txt', size: 300_000, binary: false, text: 'first line\nsecond line', truncated: true },
      '/b.txt': { path: '/b.txt', size: 20, binary: true, text: '', truncated: false },
    };
    const preview = vi.fn((path: string) => Promise.resolve(ok(answers[path] as FilePreview)));
    const { download, user } = setup({ preview });
    const root = await gridOf('/');
    await user.click(within(root).getByRole('button', { name: 'a.txt' }));
    let dialog = await screen.findByRole('dialog', { name: /a\.txt/ });
    expect(await within(dialog).findByLabelText('Contents of a.txt')).toHaveTextContent('first line second line');
    expect(dialog).toHaveTextContent('Showing the first 262 kB of 300 kB.');
    await user.click(within(dialog).getByRole('button', { name: 'Download' }));
    expect(download).toHaveBeenCalledWith('/a.txt');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    // Enter on a file's row opens its preview too.
    within(root).getByRole('row', { name: 'b.txt' }).focus();
    await user.keyboard('{Enter}');
    dialog = await screen.findByRole('dialog', { name: /b\.txt/ });
    expect(await within(dialog).findByText(/b\.txt is a binary file/)).toBeInTheDocument();
  });

  it('is read-only without an upload callback, and teaches the next step in an empty folder', async () => {
    setup({ root: { path: '/empty', label: 'empty' }, upload: undefined });
    expect(await screen.findByText('This folder is empty.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Upload files' })).not.toBeInTheDocument();
  });

  it('shows a listing error with a way back to the root', async () => {
    const { user } = setup();
    await user.click(within(await gridOf('/')).getByRole('button', { name: 'etc' }));
    await gridOf('/etc');
    delete tree['/etc'];
    try {
      await user.click(screen.getByRole('button', { name: 'Refresh' }));
      expect(await screen.findByText('/etc does not exist. Check the path.')).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Go to /' }));
      expect(await gridOf('/')).toBeInTheDocument();
      await waitFor(() =>
        expect(screen.queryByText('/etc does not exist. Check the path.')).not.toBeInTheDocument(),
      );
    } finally {
      tree['/etc'] = [entry('/etc', 'hostname', 'file')];
    }
  });
});

// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { fail, ok, type ImageSignature, type ImageSummary, type SwarmServiceSummary } from '../../../api/contract';
import { connectedStatus, container } from '../../../testing/fixtures';
import { renderWithStore } from '../../../testing/render';
import { ImageTrust, imageUsers } from './ImageTrust';
import { isOfficialImage, pinningOf, pinningText } from './pinning';
import { SignatureBadge } from './SignatureBadge';
import { SearchResults } from '../../registries/SearchResults';

const digest = `sha256:${'b'.repeat(64)}`;
const image: ImageSummary = {
  id: `sha256:${'1'.repeat(64)}`,
  repoTags: ['nginx:1.27', 'nginx:latest'],
  repoDigests: [`nginx@${digest}`],
  size: 1,
  created: 0,
  containers: [],
  dangling: false,
  labels: {},
};
const service = (name: string, img: string, imageDigest?: string): SwarmServiceSummary =>
  ({ id: name, name, image: img, ...(imageDigest ? { imageDigest } : {}), mode: 'replicated', running: 1, desired: 1, ports: [] }) as unknown as SwarmServiceSummary;

describe('digest pinning and official images', () => {
  it('tells a digest, an image ID, a tag and an implied latest apart', () => {
    expect(pinningOf(`nginx@${digest}`)).toEqual({ kind: 'digest', digest });
    expect(pinningOf(`nginx:1.27@${digest}`).kind).toBe('digest');
    expect(pinningOf('nginx', digest).kind).toBe('digest');
    expect(pinningOf('sha256:' + '1'.repeat(64)).kind).toBe('id');
    expect(pinningOf('1a2b3c4d5e6f').kind).toBe('id');
    expect(pinningOf('registry.lan:5000/team/api:2')).toEqual({ kind: 'tag', tag: '2', implicit: false });
    expect(pinningText(pinningOf('nginx'))).toBe('moving tag (latest, implied)');
  });

  it('official only for Docker Hub library names', () => {
    expect(isOfficialImage('nginx:1.27')).toBe(true);
    expect(isOfficialImage('docker.io/library/redis')).toBe(true);
    expect(isOfficialImage('bitnami/redis')).toBe(false);
    expect(isOfficialImage('ghcr.io/nginx')).toBe(false);
    expect(isOfficialImage('127.0.0.1:5000/nginx')).toBe(false);
  });

  it('finds the containers (by image ID) and services (by digest or tag) that use an image', () => {
    const users = imageUsers(
      image,
      [container('web', { image: 'nginx', imageId: image.id }), container('other', { image: 'redis', imageId: 'sha256:2' })],
      [service('pinned', 'nginx:1.27', digest), service('floating', 'nginx'), service('unrelated', 'redis:7')],
    );
    expect(users.map((u) => [u.kind, u.name, u.pinning.kind])).toEqual([
      ['container', 'web', 'tag'],
      ['service', 'pinned', 'digest'],
      ['service', 'floating', 'tag'],
    ]);
  });

  it('shows the badge, the digest and each user with its pinning in the image drawer section', async () => {
    renderWithStore(<ImageTrust image={image} />, {
      'engine.status': () => ok(connectedStatus),
      'containers.list': () => ok([container('web', { image: `nginx@${digest}`, imageId: image.id }), container('api', { image: 'nginx:1.27', imageId: image.id })]),
    });
    expect(screen.getByText('Docker Official Image')).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Image users and pinning' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(list).toHaveTextContent('pinned by digest');
    expect(list).toHaveTextContent('moving tag :1.27');
    expect(screen.getByText('1 of 2 use a moving tag: a pull or redeploy may run different content.')).toBeInTheDocument();
  });
});

describe('SignatureBadge', () => {
  const answer = (status: ImageSignature['status']): ImageSignature => ({ digest, status, scheme: 'cosign', tag: 'sha256-b.sig', why: `why ${status}` });
  it.each([
    ['signed', 'Signed (cosign): why signed'],
    ['unsigned', 'No cosign signature: why unsigned'],
  ] as const)('shows %s as the registry says', async (status, label) => {
    renderWithStore(<SignatureBadge registry="r1" repository="team/api" digest={digest} />, { 'imageTrust.signature': () => ok(answer(status)) });
    expect(await screen.findByLabelText(label)).toBeInTheDocument();
  });

  it('shows nothing when the registry could not say', async () => {
    const { fake } = renderWithStore(<SignatureBadge registry="r1" repository="team/api" digest={digest} />, {
      'imageTrust.signature': () => ok(answer('unknown')),
    });
    await vi.waitFor(() => expect(fake.callsOf('imageTrust.signature')).toEqual([{ id: 'r1', repository: 'team/api', digest }]));
    expect(screen.queryByText(/cosign/)).toBeNull();
    const again = renderWithStore(<SignatureBadge registry="r1" repository="team/api" digest={digest} />, { 'imageTrust.signature': () => fail('FORBIDDEN', 'no') });
    await vi.waitFor(() => expect(again.fake.callsOf('imageTrust.signature')).toHaveLength(1));
    expect(screen.queryByText(/cosign/)).toBeNull();
  });
});

describe('Docker Hub search badges', () => {
  it('marks official and automated results from the Hub search data, and nothing on others', () => {
    renderWithStore(
      <SearchResults
        search={{
          results: [
            { source: 'hub', name: 'nginx', repository: 'library/nginx', description: 'web', official: true, automated: false },
            { source: 'hub', name: 'someone/tool', repository: 'someone/tool', description: 'tool', official: false, automated: true },
            { source: 'hub', name: 'other/app', repository: 'other/app', description: 'app', official: false, automated: false },
          ],
          errors: [],
        }}
        onOpen={() => undefined}
      />,
    );
    const cards = within(screen.getByRole('list', { name: 'Search results' })).getAllByRole('listitem');
    expect(within(cards[0]!).getByText('Official')).toBeInTheDocument();
    expect(within(cards[1]!).getByText('Automated')).toBeInTheDocument();
    expect(within(cards[2]!).queryByText(/Official|Automated/)).toBeNull();
  });
});

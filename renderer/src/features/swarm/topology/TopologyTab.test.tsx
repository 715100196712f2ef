// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ok, type NetworkSummary, type SwarmServiceSummary, type SwarmStatus } from '../../../api/contract';
import { connectedStatus } from '../../../testing/fixtures';
import { renderWithStore, withFakeLayout, withFlowDomStandIns } from '../../../testing/render';
import { inactiveStatus, managerStatus } from '../testing/fixtures';
import { onNetworks, shopSwarm } from './testing/topologyFixtures';
import { TopologyTab } from './TopologyTab';

withFakeLayout(700, 1400);

withFlowDomStandIns();

function setup({ services, networks }: { services: SwarmServiceSummary[]; networks: NetworkSummary[] } = shopSwarm(), status: SwarmStatus = managerStatus) {
  return renderWithStore(<TopologyTab />, {
    'engine.status': () => ok(connectedStatus),
    'swarm.status': () => ok(status),
    'services.list': () => ok(services),
    'networks.list': () => ok(networks),
    'nodes.list': () => ok([]),
    'swarmTasks.list': () => ok([]),
    'networks.inspect': (p: { id: string }) => ok({ ...(networks.find((n) => n.id === p.id) as NetworkSummary), options: {}, raw: {} }),
  });
}

const graph = () => screen.getByRole('region', { name: 'Topology graph' });
const node = (name: RegExp) => within(graph()).getByRole('button', { name });
const nodeNames = () => within(graph()).queryAllByRole('button', { name: /^(service|network|port) / }).map((b) => b.getAttribute('aria-label'));
const transformOf = (name: RegExp) => node(name).style.transform;

describe('TopologyTab', { timeout: 30_000 }, () => {
  it('draws services, networks and published ports with their facts', async () => {
    setup();
    await screen.findByRole('button', { name: /^service shop_web/ }, { timeout: 10_000 });
    expect(screen.getByRole('status')).toHaveTextContent('3 services · 3 networks · 2 published ports');
    const web = node(/^service shop_web/);
    expect(web).toHaveAttribute('aria-label', 'service shop_web, team/web:2, replicated, 3 of 3 tasks running, on shop_front, publishes 8080/tcp');
    expect(within(web).getByText('3/3')).toBeInTheDocument();
    expect(within(node(/^service shop_api/)).getByText('1/2')).toBeInTheDocument();
    expect(within(node(/^network ingress/)).getByText('ingress · routing mesh')).toBeInTheDocument();
    expect(within(node(/^network shop_back/)).getByText('overlay · swarm')).toBeInTheDocument();
    expect(node(/^port 6379\/tcp to 6379, host mode of service cache/)).toBeInTheDocument();
    expect(within(graph()).getByText('stack shop')).toBeInTheDocument();
    // Nodes are in the tab order, so the keyboard reaches every one.
    expect(web).toHaveAttribute('tabindex', '0');
    expect(web).toHaveAccessibleDescription(/Press Enter or Space to open its details/);
  });

  it('follows the live lists: counts change in place, new services and networks appear, removed ones go', async () => {
    const swarm = shopSwarm();
    const { fake } = setup(swarm);
    await screen.findByRole('button', { name: /^service shop_api/ });
    const before = { api: transformOf(/^service shop_api/), web: transformOf(/^service shop_web/), back: transformOf(/^network shop_back/) };
    expect(before.api).toMatch(/^translate\(\d+(\.\d+)?px, ?\d+(\.\d+)?px\)$/);
    expect(before.api).not.toBe(before.web);
    const api = swarm.services[1] as SwarmServiceSummary;
    act(() => fake.emit('services.changed', { kind: 'patch', upserts: [{ ...api, running: 4, desired: 4, replicas: 4 }], removed: [] }));
    expect(node(/^service shop_api/)).toHaveAccessibleName(/4 of 4 tasks running, on shop_front, shop_back$/);
    expect(within(node(/^service shop_api/)).getByText('4/4')).toBeInTheDocument();
    // A replica count moves nothing.
    expect({ api: transformOf(/^service shop_api/), web: transformOf(/^service shop_web/), back: transformOf(/^network shop_back/) }).toEqual(before);

    const queue = { ...swarm.networks[1], id: 'queue-id', name: 'queue' } as NetworkSummary;
    act(() => {
      fake.emit('networks.changed', { kind: 'patch', upserts: [queue], removed: [] });
      fake.emit('services.changed', { kind: 'patch', upserts: [onNetworks('worker', ['queue'], { stack: 'jobs' })], removed: [] });
    });
    expect(node(/^service worker/)).toBeInTheDocument();
    expect(node(/^network queue, overlay driver/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('4 services · 4 networks');

    act(() => fake.emit('services.changed', { kind: 'patch', upserts: [], removed: ['cache-id'] }));
    expect(nodeNames().some((n) => n?.startsWith('service cache'))).toBe(false);
    expect(nodeNames().some((n) => n?.startsWith('port 6379'))).toBe(false);
  });

  it('filters by stack and by search', async () => {
    const { user } = setup();
    await screen.findByRole('button', { name: /^service cache/ });
    await user.click(screen.getByRole('combobox', { name: 'Stack' }));
    await user.click(screen.getByRole('option', { name: 'shop' }));
    expect(nodeNames().filter((n) => n?.startsWith('service'))).toEqual([expect.stringMatching(/^service shop_api/), expect.stringMatching(/^service shop_web/)]);
    await user.click(screen.getByRole('combobox', { name: 'Stack' }));
    await user.click(screen.getByRole('option', { name: 'All' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'redis');
    expect(nodeNames()).toEqual([expect.stringMatching(/^service cache/), expect.stringMatching(/^port 6379/), expect.stringMatching(/^network shop_back/)]);
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'xyz');
    expect(screen.getByText('No service matches the filters.')).toBeInTheDocument();
  });

  it('opens a service’s drawer on click and a network’s details with the keyboard', async () => {
    setup();
    // A plain click: user-event's pointer events reach d3-zoom, which cannot run in jsdom.
    fireEvent.click(await screen.findByRole('button', { name: /^service shop_web/ }));
    expect(await screen.findByRole('region', { name: 'Service shop_web' })).toBeInTheDocument();
    fireEvent.click(within(screen.getByRole('region', { name: 'Service shop_web' })).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Service shop_web' })).not.toBeInTheDocument());
    // A port opens its service.
    fireEvent.click(node(/^port 8080/));
    expect(await screen.findByRole('region', { name: 'Service shop_web' })).toBeInTheDocument();
    fireEvent.click(within(screen.getByRole('region', { name: 'Service shop_web' })).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Service shop_web' })).not.toBeInTheDocument());
    const back = node(/^network shop_back/);
    back.focus();
    fireEvent.keyDown(back, { key: 'Enter' });
    expect(await screen.findByRole('heading', { name: /shop_back/ })).toBeInTheDocument();
  });

  it('says why there is nothing to draw: not a manager, or no services yet', async () => {
    const first = setup(shopSwarm(), inactiveStatus);
    expect(await screen.findByText('This engine is not part of a swarm.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Topology graph' })).not.toBeInTheDocument();
    first.unmount();
    setup({ services: [], networks: [] });
    expect(await screen.findByText(/This swarm has no services yet/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Services' })).toHaveAttribute('href', '#/swarm/services');
  });
});

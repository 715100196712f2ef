import type Dockerode from 'dockerode';

/** The port docker:dind serves its API on with TLS (certificates generated under DOCKER_TLS_CERTDIR). */
export const DIND_TLS_PORT = '2376/tcp';
export const DIND_CERT_DIR = '/certs';
export const CLUSTER_LABEL = 'io.berth.cluster';

export const dindNetworkName = (clusterId: string): string => `berth-cluster-${clusterId}`;
export const dindContainerName = (clusterId: string, index: number): string =>
  `berth-cluster-${clusterId}-node${index}`;
export const dindVolumeName = (clusterId: string, index: number): string =>
  `berth-cluster-${clusterId}-node${index}-data`;

/** The user network the node containers share (swarm traffic between them stays on it). */
export function dindNetworkSpec(clusterId: string): Dockerode.NetworkCreateOptions {
  return { Name: dindNetworkName(clusterId), Driver: 'bridge', Labels: { [CLUSTER_LABEL]: clusterId } };
}

/**
 * One node: a privileged docker:dind container with its own hostname, its engine's data on a named volume (so a
 * restart keeps images and swarm state), the TLS API published on 127.0.0.1 only (a random port), and restarted
 * by the host engine after a reboot. The API is never published without TLS: it is root on the host.
 */
export function dindContainerSpec(
  clusterId: string,
  node: { index: number; hostname: string; role: string },
  image: string,
): Dockerode.ContainerCreateOptions {
  return {
    name: dindContainerName(clusterId, node.index),
    Image: image,
    Hostname: node.hostname,
    Env: [`DOCKER_TLS_CERTDIR=${DIND_CERT_DIR}`],
    ExposedPorts: { [DIND_TLS_PORT]: {} },
    Labels: {
      [CLUSTER_LABEL]: clusterId,
      [`${CLUSTER_LABEL}.node`]: node.hostname,
      [`${CLUSTER_LABEL}.role`]: node.role,
    },
    HostConfig: {
      Privileged: true,
      NetworkMode: dindNetworkName(clusterId),
      PortBindings: { [DIND_TLS_PORT]: [{ HostIp: '127.0.0.1', HostPort: '' }] },
      Mounts: [{ Type: 'volume', Source: dindVolumeName(clusterId, node.index), Target: '/var/lib/docker' }],
      RestartPolicy: { Name: 'unless-stopped' },
    },
  };
}

/** Where the node answers once started: its published loopback port and its address on the cluster network. */
export function dindEndpointOf(
  inspect: Dockerode.ContainerInspectInfo,
  network: string,
): { endpoint: string; address: string } {
  const binding = inspect.NetworkSettings.Ports[DIND_TLS_PORT]?.[0];
  const address = inspect.NetworkSettings.Networks[network]?.IPAddress;
  if (!binding?.HostPort || !address) {
    throw new Error(
      `${inspect.Name.replace(/^\//, '')} has no published TLS port or no address on ${network}.`,
    );
  }
  return { endpoint: `tcp://127.0.0.1:${binding.HostPort}`, address };
}

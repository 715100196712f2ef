export const CLUSTER_USAGE = `Usage: berth cluster <command> [options]

  create [--nodes N] [--managers M] [--mechanism auto|netns|dind] [--dind-image IMAGE]
                               A local swarm of N nodes (default 3) on this machine: node1 is the manager
                               (M > 1 promotes more), the others join it. netns: Berth's own dockerds in
                               network namespaces (Linux, root); dind: docker-in-docker containers
  status [--json]              The cluster's nodes, their state, hostnames and engine endpoints
  start                        Start the nodes again after a reboot, keeping their data
  load-image IMAGE             Copy an image from the current engine to every node
  destroy                      Stop and remove every node, its data and the cluster network

Options: --data-dir DIR, --engine E (the engine dind nodes run on and load-image copies from).`;

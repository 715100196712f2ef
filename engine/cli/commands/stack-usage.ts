export const STACK_USAGE = `Usage: berth stack <command> [options]

  deploy -c FILE [-c FILE ...] [--env-file FILE ...] [--prune] NAME
                               Deploy (or update) a stack from compose files, named and labelled like
                               docker stack deploy (<stack>_<service>); --prune removes the stack's services
                               the files no longer have. \${VAR} comes from your environment, then --env-file
                               (else the files' folder's .env)
  ls                           The stacks on the swarm: NAME SERVICES
  services NAME                The stack's services: ID NAME MODE REPLICAS IMAGE PORTS
  ps NAME [--no-trunc]         The stack's tasks with their node, state and error (older ones under \\_)
  rm NAME [NAME ...]           Remove stacks: services, then secrets, configs and networks

Options: --engine E (a swarm manager; default: the first engine that answers), --data-dir DIR, -h/--help.`;

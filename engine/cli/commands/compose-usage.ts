export const COMPOSE_USAGE = `Usage: berth compose [options] COMMAND [options] [SERVICE...]

Runs compose projects with Berth's own compose engine (no compose binary needed), against the engine that
answers first (or --engine); config reads only the files and works with no engine. What it creates carries docker compose's labels: docker compose and
docker-compose see Berth's projects, and Berth sees theirs.

Options:
  -f, --file FILE             Compose file (repeat for overrides; default: compose.yaml + compose.override.yaml)
  -p, --project-name NAME     Project name (default: the name: key, else the project folder's name)
  --project-directory DIR     Project folder (default: the first file's folder)
  --env-file FILE             Use this file instead of the project's .env (repeatable)
  --profile NAME              Activate a profile (repeatable)
  --engine E                  Engine: auto (default), embedded, or a URL (unix:///…, tcp://…, ssh://…)
  --data-dir DIR              Berth's data directory

Commands:
  up [-d] [--build] [--pull missing|always|never] [--remove-orphans] [--force-recreate|--no-recreate]
     [--no-start] [--scale SERVICE=N] [--wait [--wait-timeout N]] [-t N] [SERVICE...]
                              Create and start; without -d follow the logs until Ctrl+C, then stop;
                              --wait returns once every service runs (healthy if it has a healthcheck)
  down [-v] [--rmi local|all] [--remove-orphans] [-t N]
                              Stop and remove containers and networks (-v: also named volumes, data is lost)
  ps [-a] [-q] [--services] [--format json] [SERVICE...]
  logs [-f] [-n N|all] [-t] [SERVICE...]
  start | stop [-t N] | restart [-t N] | pause | unpause [SERVICE...]
  pull [SERVICE...]           Pull the services' images
  build [--no-cache] [SERVICE...]
  run [--rm] [-d] [-T] [--name N] [-e K=V] [--no-deps] [--service-ports] SERVICE [COMMAND...]
                              Run a one-off container with your input attached (a terminal when you
                              are in one, unless -T); exits with its exit code
  config [--services|--profiles|--images|--volumes|--networks|-q] [--format yaml|json] [-o FILE]
                              Print the resolved project (errors name file:line:column); needs no engine
  ls [-a] [-q] [--format json]
                              List projects (Berth's and the compose CLIs')

Exit codes: 0 ok, 1 the operation failed (the error says which service and why), 2 the command line was wrong,
130 interrupted.`;

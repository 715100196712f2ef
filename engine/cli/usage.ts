export const MAIN_USAGE = `Usage: berth <command> [options]

Commands:
  web                 Serve the Berth UI to your browser (web mode)
  engine status       Show which container engine Berth would use and whether it answers
  engine start        Start Berth's embedded engine in the background
  engine stop         Stop Berth's embedded engine (never any other engine)
  compose ...         Run compose projects (up, down, ps, logs, run, ...): berth compose --help
  template ...        Application templates (list, show, import, export, deploy, ...): berth template --help
  cluster ...         A local multi-node swarm (create, status, start, load-image, destroy): berth cluster --help
  audit [--json]      Check every container (--images: every image) against Berth's security rules (CIS derived)
  stack ...           Swarm stacks from compose files (deploy, ls, services, ps, rm): berth stack --help

Options:
  -h, --help          Show help (also: berth <command> --help)
  -v, --version       Print Berth's version

Data directory: --data-dir DIR, else BERTH_DATA_DIR, else the platform's app-data folder.`;

export const WEB_USAGE = `Usage: berth web [options]

Serves the Berth UI at http://127.0.0.1:7780/ and prints a sign-in link to open. The link works once;
the browser Berth opens gets its own. Scripts find the API token in <data-dir>/web.json (x-berth-token).

Options:
  --port N              Port to listen on (default 7780; 0 = any free port)
  --host H              Address to bind (default 127.0.0.1; anything else is reachable from the network
                        and is served over HTTPS with a self-signed certificate unless --tls-cert is given)
  --tls-cert FILE       PEM certificate to serve HTTPS with (with --tls-key)
  --tls-key FILE        PEM private key of --tls-cert
  --insecure            Allow a non-loopback --host over plain HTTP (not recommended)
  --accounts            Sign in with accounts and roles (admin, operator, viewer) instead of a link; on by
                        default off loopback. The first run prints a one-time setup token for the first admin
  --insecure-single-user
                        Off loopback without accounts: whoever has the link is admin (not recommended)
  --trusted-proxy LIST  Reverse proxies (IPs or CIDRs, comma-separated) whose X-Forwarded-For names the client
                        for sign-in throttling and the audit log; without it the header is never believed
  --no-open             Do not open a browser
  --engine E            Engine to use: auto (default), embedded, or a URL (unix:///…, tcp://…, ssh://…)
  --data-dir DIR        Berth's data directory
  -h, --help            Show this help

Stop with Ctrl+C: an embedded engine Berth started for this session is stopped too.`;

export const ENGINE_USAGE = `Usage: berth engine <status|start|stop> [options]

  status [--json]       Discover engines, connect to the first that answers and print it (exit 1 if none does)
  start                 Start Berth's embedded engine in the background and print its DOCKER_HOST
  stop                  Stop Berth's embedded engine (found through its pidfile); other engines are never touched

Options:
  --data-dir DIR        Berth's data directory
  -h, --help            Show this help`;

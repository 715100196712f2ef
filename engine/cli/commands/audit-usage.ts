export const AUDIT_USAGE = `Usage: berth audit [--images] [options]

Checks every container of the engine against Berth's security rules (derived from the CIS Docker Benchmark
v1.6.0, each rule naming its recommendation) and prints one line per finding: privileged mode, host
namespaces, the engine socket or sensitive host paths mounted, added capabilities, missing limits, ...

With --images, checks every image instead (CIS section 4, from each image's config and build history):
no USER or USER root, no HEALTHCHECK, a package update alone in a RUN layer, ADD where COPY would do, and
environment variables or build arguments whose names look secret (names only, never values). setuid/setgid
files need the image's filesystem: run a deep scan from the image's Security tab.

Options:
  --images              Audit images instead of containers. With --json, one array of image findings:
                        image (ID), tags, ruleId, benchmark, benchmarkId, severity, message, fix.
  --json                One JSON array of findings, most severe first per container, with stable fields:
                        container (ID), name, ruleId, benchmark, benchmarkId, severity (high|medium|low),
                        message, fix. Environment values are never printed.
  --severity S          Only findings at least this severe: high, medium or low (default low: all)
  --engine E            Engine to use: auto (default), embedded, or a URL (unix:///…, tcp://…, ssh://…)
  --data-dir DIR        Berth's data directory
  -h, --help            Show this help

Exit status: 0 when the audit ran, whatever it found (findings are data, not errors: filter the JSON to
fail a pipeline); 1 when no engine could be reached or the audit failed; 2 for a usage error.`;

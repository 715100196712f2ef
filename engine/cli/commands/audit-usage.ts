export const AUDIT_USAGE = `Usage: berth audit [options]

Checks every container of the engine against Berth's security rules (derived from the CIS Docker Benchmark
v1.6.0, each rule naming its recommendation) and prints one line per finding: privileged mode, host
namespaces, the engine socket or sensitive host paths mounted, added capabilities, missing limits, ...

Options:
  --json                One JSON array of findings, most severe first per container, with stable fields:
                        container (ID), name, ruleId, benchmark, benchmarkId, severity (high|medium|low),
                        message, fix. Environment values are never printed.
  --severity S          Only findings at least this severe: high, medium or low (default low: all)
  --engine E            Engine to use: auto (default), embedded, or a URL (unix:///…, tcp://…, ssh://…)
  --data-dir DIR        Berth's data directory
  -h, --help            Show this help

Exit status: 0 when the audit ran, whatever it found (findings are data, not errors: filter the JSON to
fail a pipeline); 1 when no engine could be reached or the audit failed; 2 for a usage error.`;

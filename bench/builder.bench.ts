// The app builder's two-way sync on a 30-service compose file (comments, volumes, networks, a depends_on chain,
// saved layout): YAML → model (parse, derive, semantic checks located in the text) and model → YAML (one canvas
// edit patched into the document and printed). Target: each under 50 ms. Prints figures; never fails on timing.
import { performance } from 'node:perf_hooks';
import { checkModel } from '../renderer/src/features/builder/model/checks';
import { parseBuilder } from '../renderer/src/features/builder/model/derive';
import { editText } from '../renderer/src/features/builder/model/document';
import { connect, setEnvironment, setImage, setLayout } from '../renderer/src/features/builder/model/edits';
import { autoLayout } from '../renderer/src/features/builder/model/layout';
import { locate } from '../renderer/src/features/builder/model/locate';
import { median, quantile, round1 } from './lib/support';

const SERVICES = 30;
const REPS = Number(process.env.BERTH_BENCH_REPS ?? 200);
const WARMUP = 20;

function file(): string {
  const service = (i: number) =>
    `  # service ${i}\n  s${i}:\n    image: registry.example.com/team/s${i}:1.${i}  # pinned\n` +
    `    ports:\n      - "${8000 + i}:80"\n    environment:\n      MODE: prod\n      TOKEN: \${TOKEN_${i}:-x}\n` +
    `    volumes:\n      - data${i}:/data\n    networks: [${i % 2 ? 'back' : 'front, back'}]\n` +
    (i > 0 ? `    depends_on:\n      s${i - 1}:\n        condition: service_started\n` : '') +
    `    healthcheck:\n      test: ["CMD-SHELL", "wget -q -O- localhost"]\n      interval: 10s\n`;
  const ids = Array.from({ length: SERVICES }, (_, i) => i);
  return (
    `# A 30-service app\nname: bench\nservices:\n${ids.map(service).join('')}` +
    `networks:\n  front: {}\n  back: {}\nvolumes:\n${ids.map((i) => `  data${i}: {}\n`).join('')}` +
    `x-berth-layout:\n  services:\n${ids.map((i) => `    s${i}: {x: ${i * 10}, y: ${i * 20}}\n`).join('')}`
  );
}

function time(fn: () => void): number[] {
  for (let i = 0; i < WARMUP; i++) fn();
  return Array.from({ length: REPS }, () => {
    const t0 = performance.now();
    fn();
    return performance.now() - t0;
  });
}

export default function bench({ log }: { log: (line: string) => void }) {
  const text = file();
  log(`${SERVICES} services, ${text.length} characters, ${REPS} reps after ${WARMUP} warm-ups`);
  const toModel = () => {
    const r = parseBuilder(text);
    if (!r.ok) throw new Error(r.message);
    locate(r.doc, text, checkModel(r.model));
    autoLayout(r.model);
  };
  let n = 0;
  const ways: [string, () => void][] = [
    ['YAML → model (parse, derive, checks, layout)', toModel],
    ['model → YAML: replace an image', () => void editText(text, (d) => setImage(d, 's7', `web:${n++}`))],
    ['model → YAML: set environment', () => void editText(text, (d) => setEnvironment(d, 's12', [['MODE', `dev${n++}`]]))],
    ['model → YAML: connect two services', () => void editText(text, (d) => connect(d, 's3', 's20'))],
    ['model → YAML: save 30 positions (drag end)', () => void editText(text, (d) => setLayout(d, Array.from({ length: SERVICES }, (_, i) => ({ kind: 'service' as const, name: `s${i}`, position: { x: i + n, y: n++ } }))))],
  ];
  const runs: Record<string, number[]> = {};
  for (const [name, fn] of ways) {
    log(`measuring: ${name}`);
    runs[name] = time(fn);
  }
  const rows = ways.map(([name]) => {
    const xs = runs[name] ?? [];
    return [name, round1(median(xs)), round1(quantile(xs, 0.95)), quantile(xs, 0.95) < 50 ? 'yes' : 'no'];
  });
  return {
    title: `app builder sync, ${SERVICES}-service file, median/p95 of ${REPS} reps (target < 50 ms)`,
    columns: ['step', 'median ms', 'p95 ms', 'p95 < 50 ms'],
    rows,
    data: { services: SERVICES, characters: text.length, reps: REPS, warmup: WARMUP, runs, targets: { ms: 50 } },
  };
}

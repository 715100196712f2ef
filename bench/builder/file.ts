// The compose file the builder benches work on (sync in Node, drag in Chromium).
/** A compose file of `n` services as people write them: comments, ports, env, a volume each, two networks, a depends_on chain, healthchecks and a saved layout. */
export function builderFile(n: number): string {
  const service = (i: number) =>
    `  # service ${i}\n  s${i}:\n    image: registry.example.com/team/s${i}:1.${i}  # pinned\n` +
    `    ports:\n      - "${8000 + i}:80"\n    environment:\n      MODE: prod\n      TOKEN: \${TOKEN_${i}:-x}\n` +
    `    volumes:\n      - data${i}:/data\n    networks: [${i % 2 ? 'back' : 'front, back'}]\n` +
    (i > 0 ? `    depends_on:\n      s${i - 1}:\n        condition: service_started\n` : '') +
    `    healthcheck:\n      test: ["CMD-SHELL", "wget -q -O- localhost"]\n      interval: 10s\n`;
  const ids = Array.from({ length: n }, (_, i) => i);
  return (
    `# A ${n}-service app\nname: bench\nservices:\n${ids.map(service).join('')}` +
    `networks:\n  front: {}\n  back: {}\nvolumes:\n${ids.map((i) => `  data${i}: {}\n`).join('')}` +
    `x-berth-layout:\n  services:\n${ids.map((i) => `    s${i}: {x: ${i * 10}, y: ${i * 20}}\n`).join('')}`
  );
}

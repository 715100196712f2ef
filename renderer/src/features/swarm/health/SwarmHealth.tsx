// Placeholder on the swarm-pages branch only: the swarm-visualizer branch owns the real summary (taken at merge).
export function SwarmHealth() {
  return null;
}

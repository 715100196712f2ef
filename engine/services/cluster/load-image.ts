import type Dockerode from 'dockerode';
import type { TaskContext } from '../tasks/task-manager';
import type { StoredNode } from './state';

/**
 * Copies an image from the current engine to every node: `docker save` streamed straight into each node's
 * `docker load` (nodes cannot pull an image that exists only here). One step per node; a failure names it.
 */
export async function loadImageOnNodes(
  source: Dockerode,
  image: string,
  nodes: StoredNode[],
  clientOf: (node: StoredNode) => Dockerode,
  task: TaskContext,
): Promise<{ nodes: string[] }> {
  for (const n of nodes) task.step({ id: n.name, label: n.name, state: 'waiting' });
  const done: string[] = [];
  for (const [i, node] of nodes.entries()) {
    task.step({ id: node.name, label: node.name, state: 'running', detail: `Loading ${image}` });
    task.progress({ message: `Loading ${image} on ${node.name}`, progress: { fraction: i / nodes.length } });
    try {
      const tar = await source.getImage(image).get();
      const response = await clientOf(node).loadImage(tar);
      await readLoadResponse(response);
      task.step({ id: node.name, label: node.name, state: 'done', detail: `Loaded ${image}` });
      done.push(node.name);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      task.step({ id: node.name, label: node.name, state: 'failed', detail: why });
      throw new Error(`Loading ${image} on ${node.name} failed: ${why}`);
    }
  }
  return { nodes: done };
}

/** The engine answers a load with JSON lines; an `error` line means it failed even though the HTTP status was 200. */
export async function readLoadResponse(stream: NodeJS.ReadableStream): Promise<void> {
  let text = '';
  for await (const chunk of stream)
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  for (const line of text.split('\n')) {
    if (!line.trim().startsWith('{')) continue;
    const msg = JSON.parse(line) as { error?: string; errorDetail?: { message?: string } };
    if (msg.error || msg.errorDetail)
      throw new Error(msg.errorDetail?.message ?? msg.error ?? 'the engine refused the image');
  }
}

import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  applyNodeChanges,
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { Box, Typography } from '@mui/material';
import { useBuilder } from './builderStore';
import { toFlow, type BuilderEdge, type BuilderNode } from './flowModel';
import { nodeTypes } from './nodes';
import { connectNodes, removeEdges, removeNodes } from './connect';
import { setLayout } from './model/edits';
import { parseNodeId, type LocatedProblem } from './model/types';
import { PALETTE_MIME, readPaletteItem, useAddPaletteItem } from './paletteItems';

interface Props {
  problems: LocatedProblem[];
  /** Says what a drop or connection did (or why it failed), for the status line. */
  onStatus: (message: string, error?: boolean) => void;
}

/** The canvas: services, volumes and networks as nodes; drop from the palette, connect, move, delete. */
export function Canvas({ problems, onStatus }: Props) {
  const model = useBuilder((s) => s.model);
  const selection = useBuilder((s) => s.selection);
  const edit = useBuilder((s) => s.edit);
  const select = useBuilder((s) => s.select);
  const selectedNode = selection?.kind === 'node' ? selection.id : undefined;
  // The graph does not depend on the selection: selecting a node (which a drag starts with) must neither rebuild
  // every node (a full re-render of a 100-service canvas, dropped frames) nor reset the positions being dragged.
  const flow = useMemo(() => toFlow(model, problems, undefined), [model, problems]);
  // Positions move locally while dragging; the document learns the result once, when the drag ends.
  const [local, setLocal] = useState<{ from: BuilderNode[]; nodes: BuilderNode[] }>({ from: flow.nodes, nodes: flow.nodes });
  const moved = local.from === flow.nodes ? local.nodes : flow.nodes;
  // Only the nodes whose selected state differs are new objects, so React Flow re-renders just those.
  const nodes = useMemo(
    () => moved.map((n) => ((n.selected ?? false) === (n.id === selectedNode) ? n : { ...n, selected: n.id === selectedNode })),
    [moved, selectedNode],
  );
  const latest = useRef(nodes);
  useEffect(() => {
    latest.current = nodes;
  });
  const edges = useMemo<BuilderEdge[]>(
    () => flow.edges.map((e) => ({ ...e, selected: selection?.kind === 'edge' && e.data?.from === selection.from && e.data.to === selection.to && (selection.edge ?? 'depends') === e.data.kind })),
    [flow.edges, selection],
  );
  const { screenToFlowPosition } = useReactFlow();
  const add = useAddPaletteItem();

  const saveLayout = useCallback(
    (current: BuilderNode[]) =>
      edit((doc) => setLayout(doc, current.map((n) => ({ kind: n.data.kind, name: n.data.name, position: n.position }))), 'layout'),
    [edit],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<BuilderNode>[]) => {
      const next = applyNodeChanges(changes, latest.current);
      latest.current = next;
      setLocal({ from: flow.nodes, nodes: next });
      // Arrow keys move a focused node without a drag: save those moves at once.
      if (changes.some((c) => c.type === 'position' && c.dragging === false && c.position)) saveLayout(next);
      for (const c of changes) if (c.type === 'select' && c.selected) select({ kind: 'node', id: c.id });
    },
    [flow.nodes, saveLayout, select],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const a = parseNodeId(c.source);
      const b = parseNodeId(c.target);
      if (!a || !b) return;
      const r = connectNodes(edit, a, b);
      onStatus(r.message, !r.ok);
      if (r.ok && r.selection) select(r.selection);
    },
    [edit, onStatus, select],
  );

  const onDrop = useCallback(
    (e: DragEvent) => {
      const item = readPaletteItem(e.dataTransfer.getData(PALETTE_MIME));
      if (!item) return;
      e.preventDefault();
      const target = (e.target as Element).closest('.react-flow__node')?.getAttribute('data-id');
      const onto = target ? parseNodeId(target) : undefined;
      const at = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      add(item, at, onto?.kind === 'service' ? onto.name : undefined).then(
        (m) => onStatus(m),
        (err: unknown) => onStatus(err instanceof Error ? err.message : String(err), true),
      );
    },
    [add, onStatus, screenToFlowPosition],
  );

  return (
    <Box
      sx={{ flex: 1, minHeight: 0, minWidth: 0, position: 'relative' }}
      role="region"
      aria-label="Canvas"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(PALETTE_MIME)) {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
        }
      }}
      onDrop={onDrop}
    >
      <ReactFlow<BuilderNode, BuilderEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStop={() => saveLayout(latest.current)}
        onConnect={onConnect}
        onEdgeClick={(_, e) => e.data && select({ kind: 'edge', from: e.data.from, to: e.data.to, edge: e.data.kind })}
        onPaneClick={() => select(undefined)}
        onNodesDelete={(deleted) => onStatus(removeNodes(edit, deleted.map((n) => n.data)))}
        onEdgesDelete={(deleted) => onStatus(removeEdges(edit, deleted.flatMap((e) => (e.data ? [e.data] : []))))}
        deleteKeyCode={['Delete', 'Backspace']}
        fitView
        fitViewOptions={{ maxZoom: 1 }}
        minZoom={0.2}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <Controls />
        <MiniMap pannable zoomable ariaLabel="Minimap" />
      </ReactFlow>
      {model.services.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ position: 'absolute', inset: '30% 10% auto', textAlign: 'center', pointerEvents: 'none' }}>
          Drag an image from the palette here (or press Enter on it) to add a service. Connect services by dragging
          from a node&apos;s right handle to another node, or with “Connect to…” in the service&apos;s editor; select
          a node to edit it; arrow keys move it.
        </Typography>
      )}
    </Box>
  );
}

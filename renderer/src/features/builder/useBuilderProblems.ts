import { useEffect, useMemo, useState } from 'react';
import type { ComposeValidationProblem } from '../../api/contract';
import type { EditorMarker } from '../../components/editor/types';
import { useBerth } from '../../stores/context';
import { useBuilder } from './builderStore';
import { checkModel } from './model/checks';
import { parseBuilder } from './model/derive';
import { locate } from './model/locate';
import type { LocatedProblem } from './model/types';

export const VALIDATE_DELAY_MS = 400;

/** compose.validate's problems for the text (debounced); answers for older text are dropped. */
function useSchemaProblems(text: string): ComposeValidationProblem[] {
  const client = useBerth((s) => s.client);
  const [state, setState] = useState<{ text: string; problems: ComposeValidationProblem[] }>({ text: '', problems: [] });
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void client.call('compose.validate', { content: text, fileName: 'compose.yaml' }).then((r) => {
        if (current && r.ok) setState({ text, problems: r.value.problems });
      });
    }, VALIDATE_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, text]);
  return state.problems;
}

/**
 * Every problem of the current text: the YAML syntax error, compose.validate's (schema, interpolation,
 * references) and the model's own checks (ports, images, cycles, undeclared volumes and networks), each with
 * the node it concerns so the canvas can show it there.
 */
export function useBuilderProblems(): { problems: LocatedProblem[]; markers: EditorMarker[] } {
  const text = useBuilder((s) => s.text);
  const syntaxError = useBuilder((s) => s.syntaxError);
  const schema = useSchemaProblems(text);
  const semantic = useMemo(() => {
    const r = parseBuilder(text);
    return r.ok ? locate(r.doc, text, checkModel(r.model)) : [];
  }, [text]);
  return useMemo(() => {
    const fromSchema: LocatedProblem[] = syntaxError
      ? []
      : schema.map((p) => {
          const [top, name] = p.path.split('.');
          const kind = top === 'services' ? 'service' : top === 'volumes' ? 'volume' : top === 'networks' ? 'network' : undefined;
          return { message: p.message, severity: p.severity, path: p.path.split('.'), line: p.line, col: p.col, node: kind && name ? { kind, name } : undefined };
        });
    const problems = [...semantic, ...fromSchema];
    const markers: EditorMarker[] = [
      ...(syntaxError ? [{ line: syntaxError.line, col: syntaxError.col, message: `YAML: ${syntaxError.message}`, severity: 'error' as const, source: 'berth' }] : []),
      ...problems.map((p) => ({ line: p.line, col: p.col, message: p.message, severity: p.severity, source: 'berth' })),
    ];
    return { problems, markers };
  }, [schema, semantic, syntaxError]);
}

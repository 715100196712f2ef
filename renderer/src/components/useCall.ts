import { useEffect, useState } from 'react';
import type { EngineClient, MethodInput, MethodName, MethodOutput, Result } from '../api/contract';

/**
 * Calls a read method whenever its params change (and on `reload()`), and returns the answer for the current
 * params only: an older answer arriving late is never shown for newer params.
 */
export function useCall<M extends MethodName>(
  client: EngineClient,
  method: M,
  params: MethodInput<M>,
  enabled = true,
) {
  const [reloads, setReloads] = useState(0);
  const key = `${method}:${JSON.stringify(params)}:${reloads}`;
  const [answer, setAnswer] = useState<{ key: string; result: Result<MethodOutput<M>> } | null>(null);
  const [last, setLast] = useState<MethodOutput<M> | undefined>(undefined);

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    const [name, json] = [
      key.slice(0, key.indexOf(':')) as M,
      key.slice(key.indexOf(':') + 1, key.lastIndexOf(':')),
    ];
    void client.call(name, JSON.parse(json) as MethodInput<M>).then((result) => {
      if (!current) return;
      setAnswer({ key, result });
      if (result.ok) setLast(result.value);
    });
    return () => {
      current = false;
    };
  }, [client, key, enabled]);

  const result = answer?.key === key ? answer.result : undefined;
  return {
    /** The answer for the current params, once it arrived. */
    value: result?.ok ? result.value : undefined,
    /** The latest successful answer for any params (to keep showing while a reload runs). */
    last,
    error: result && !result.ok ? result.error : null,
    loading: enabled && result === undefined,
    reload: () => setReloads((n) => n + 1),
  };
}

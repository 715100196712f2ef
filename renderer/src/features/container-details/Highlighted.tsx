import { Fragment } from 'react';
import { findMatches } from './logs/ansi';

/** Text with every occurrence of `query` marked. */
export function Highlighted({ text, query }: { text: string; query: string }) {
  const ranges = findMatches(text, query.trim());
  if (ranges.length === 0) return <>{text}</>;
  const parts: React.ReactNode[] = [];
  let at = 0;
  ranges.forEach(([a, b], i) => {
    if (a > at) parts.push(<Fragment key={`t${i}`}>{text.slice(at, a)}</Fragment>);
    parts.push(<mark key={`m${i}`}>{text.slice(a, b)}</mark>);
    at = b;
  });
  if (at < text.length) parts.push(<Fragment key="end">{text.slice(at)}</Fragment>);
  return <>{parts}</>;
}

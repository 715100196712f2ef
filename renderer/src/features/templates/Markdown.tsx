import { Fragment, useMemo, type ReactNode } from 'react';
import { Box, Link, Typography } from '@mui/material';
import { Lexer, type Token, type Tokens } from 'marked';

/**
 * Markdown (a template's documentation) rendered safely: marked only tokenizes, and the tokens become React
 * elements, so no HTML from the text ever reaches the page (raw HTML shows as text). Links open only for
 * http(s) and mailto; images are not loaded (a template must not make Berth fetch from the internet): their
 * alt text shows, with the address as a link.
 */
export function Markdown({ text, label }: { text: string; label?: string }) {
  const tokens = useMemo(() => Lexer.lex(text, { gfm: true }), [text]);
  return (
    <Box aria-label={label} role={label ? 'document' : undefined} sx={{ '& > :first-of-type': { mt: 0 }, overflowWrap: 'anywhere' }}>
      {blocks(tokens)}
    </Box>
  );
}

const safeHref = (href: string): string | undefined => (/^(https?:|mailto:)/i.test(href.trim()) ? href.trim() : undefined);

function blocks(tokens: readonly Token[]): ReactNode {
  return tokens.map((t, i) => <Fragment key={i}>{block(t)}</Fragment>);
}

function block(t: Token): ReactNode {
  switch (t.type) {
    case 'heading': {
      const h = t as Tokens.Heading;
      const variant = (['h5', 'h6', 'subtitle1', 'subtitle2', 'subtitle2', 'subtitle2'] as const)[h.depth - 1] ?? 'subtitle2';
      return (
        <Typography variant={variant} component={`h${Math.min(h.depth + 1, 6)}` as 'h2'} sx={{ mt: 2, mb: 1 }}>
          {inline(h.tokens)}
        </Typography>
      );
    }
    case 'paragraph':
      return <Typography sx={{ my: 1 }}>{inline((t as Tokens.Paragraph).tokens)}</Typography>;
    case 'text': {
      const x = t as Tokens.Text;
      return <Typography sx={{ my: 0.5 }}>{x.tokens ? inline(x.tokens) : x.text}</Typography>;
    }
    case 'code':
      return (
        <Box component="pre" sx={{ p: 1, my: 1, bgcolor: 'action.hover', borderRadius: 1, overflow: 'auto', fontSize: 13 }}>
          <code>{(t as Tokens.Code).text}</code>
        </Box>
      );
    case 'blockquote':
      return <Box component="blockquote" sx={{ m: 0, my: 1, pl: 2, borderLeft: 3, borderColor: 'divider', color: 'text.secondary' }}>{blocks((t as Tokens.Blockquote).tokens)}</Box>;
    case 'list': {
      const l = t as Tokens.List;
      return (
        <Box component={l.ordered ? 'ol' : 'ul'} sx={{ my: 1, pl: 3 }}>
          {l.items.map((item, i) => (
            <li key={i}>{item.task ? `${item.checked ? '☑' : '☐'} ` : ''}{blocks(item.tokens)}</li>
          ))}
        </Box>
      );
    }
    case 'table': {
      const tb = t as Tokens.Table;
      return (
        <Box component="table" sx={{ my: 1, borderCollapse: 'collapse', '& th, & td': { border: 1, borderColor: 'divider', px: 1, py: 0.5, textAlign: 'left' } }}>
          <thead>
            <tr>{tb.header.map((c, i) => <th key={i}>{inline(c.tokens)}</th>)}</tr>
          </thead>
          <tbody>
            {tb.rows.map((row, r) => (
              <tr key={r}>{row.map((c, i) => <td key={i}>{inline(c.tokens)}</td>)}</tr>
            ))}
          </tbody>
        </Box>
      );
    }
    case 'hr':
      return <Box component="hr" sx={{ border: 0, borderTop: 1, borderColor: 'divider', my: 2 }} />;
    case 'html':
      return <Typography sx={{ my: 1, fontFamily: 'monospace', whiteSpace: 'pre-wrap' }}>{(t as Tokens.HTML).text}</Typography>;
    case 'space':
    case 'def':
      return null;
    default:
      return 'raw' in t ? <Typography sx={{ my: 1 }}>{t.raw}</Typography> : null;
  }
}

function inline(tokens: readonly Token[] | undefined): ReactNode {
  return (tokens ?? []).map((t, i) => <Fragment key={i}>{span(t)}</Fragment>);
}

function span(t: Token): ReactNode {
  switch (t.type) {
    case 'text': {
      const x = t as Tokens.Text;
      return x.tokens ? inline(x.tokens) : x.text;
    }
    case 'escape':
      return (t as Tokens.Escape).text;
    case 'strong':
      return <strong>{inline((t as Tokens.Strong).tokens)}</strong>;
    case 'em':
      return <em>{inline((t as Tokens.Em).tokens)}</em>;
    case 'del':
      return <del>{inline((t as Tokens.Del).tokens)}</del>;
    case 'codespan':
      return <Box component="code" sx={{ px: 0.5, bgcolor: 'action.hover', borderRadius: 0.5, fontSize: '0.9em' }}>{(t as Tokens.Codespan).text}</Box>;
    case 'br':
      return <br />;
    case 'link': {
      const l = t as Tokens.Link;
      const href = safeHref(l.href);
      return href ? <Link href={href} target="_blank" rel="noopener noreferrer">{inline(l.tokens)}</Link> : inline(l.tokens);
    }
    case 'image': {
      const img = t as Tokens.Image;
      const href = safeHref(img.href);
      const alt = img.text || 'image';
      return href ? <Link href={href} target="_blank" rel="noopener noreferrer">[{alt}]</Link> : `[${alt}]`;
    }
    case 'html':
      return (t as Tokens.Tag).text;
    default:
      return 'raw' in t ? t.raw : null;
  }
}

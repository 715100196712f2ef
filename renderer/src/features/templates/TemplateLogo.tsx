import { Avatar } from '@mui/material';

/**
 * A template's logo, offline-safe: an embedded image (a `data:image/…` URL) is shown as it is; anything else
 * (remote URLs, which Berth does not fetch or cache, and files beside the template) becomes a monogram, so
 * opening the catalog never reaches out to a CDN.
 */
export function TemplateLogo({ title, logo, size = 40 }: { title: string; logo?: string | undefined; size?: number }) {
  if (logo && /^data:image\/(png|jpe?g|gif|webp|svg\+xml)[;,]/i.test(logo)) {
    return <Avatar variant="rounded" src={logo} alt="" sx={{ width: size, height: size, bgcolor: 'transparent' }} />;
  }
  return (
    <Avatar variant="rounded" aria-hidden sx={{ width: size, height: size, bgcolor: monogramColor(title), fontSize: size * 0.42, fontWeight: 600 }}>
      {monogram(title)}
    </Avatar>
  );
}

/** One or two letters from the title's words: "PostgreSQL with Adminer" → "PA". */
export function monogram(title: string): string {
  const words = title.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0 && !/^(with|and|the|a|of|for)$/i.test(w));
  const letters = words.length > 1 ? `${words[0]?.[0] ?? ''}${words[1]?.[0] ?? ''}` : (words[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}

const hues = [210, 160, 280, 20, 340, 120, 45, 190];
/** A stable colour per title, so a template keeps its colour across visits. */
function monogramColor(title: string): string {
  let h = 0;
  for (const ch of title) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return `hsl(${hues[h % hues.length] ?? 210} 45% 42%)`;
}

/**
 * Saves text the renderer already holds (logs, exported templates) as a browser download: a Blob behind an
 * object URL, revoked once the browser has taken it.
 */
export function downloadText(fileName: string, text: string, type = 'text/plain', doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

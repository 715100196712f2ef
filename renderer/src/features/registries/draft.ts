import type { RegistryInfo } from '../../api/contract';

/** What the registry form edits; an empty password on edit keeps the stored one. */
export interface FormState {
  name: string;
  url: string;
  insecure: boolean;
  ca: string;
  username: string;
  password: string;
  forgetPassword: boolean;
}

export const emptyForm = (): FormState => ({ name: '', url: '', insecure: false, ca: '', username: '', password: '', forgetPassword: false });

export const formOf = (r: RegistryInfo): FormState => ({
  ...emptyForm(),
  name: r.name,
  url: r.url,
  insecure: r.insecure,
  username: r.username ?? '',
});

const PEM = /-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/;

/** Per-field complaints the form shows before anything is sent (the backend checks again). */
export function formProblems(f: FormState): Partial<Record<'name' | 'url' | 'ca' | 'password', string>> {
  const problems: Partial<Record<'name' | 'url' | 'ca' | 'password', string>> = {};
  if (!f.name.trim()) problems.name = 'A name is required.';
  const url = f.url.trim();
  if (!url) problems.url = 'A registry address is required, e.g. registry.example.com:5000.';
  else if (/\s/.test(url)) problems.url = 'The address cannot contain spaces.';
  else if (/^http:\/\//i.test(url) && !f.insecure) problems.url = 'An http:// address needs "Insecure (HTTP or unverified TLS)" ticked.';
  else if (/^[a-z]+:\/\//i.test(url) && !/^https?:\/\//i.test(url)) problems.url = 'Use an https:// (or http://) address.';
  if (f.ca.trim() && !PEM.test(f.ca)) problems.ca = 'Paste a PEM certificate (-----BEGIN CERTIFICATE----- …).';
  if (f.password && !f.username.trim()) problems.password = 'A password needs a user name.';
  return problems;
}

/** The draft for registries.add / registries.test. */
export function draftOf(f: FormState) {
  return {
    name: f.name.trim(),
    url: f.url.trim(),
    insecure: f.insecure,
    ...(f.ca.trim() ? { ca: f.ca.trim() } : {}),
    ...(f.username.trim() ? { username: f.username.trim() } : {}),
    ...(f.password ? { password: f.password } : {}),
  };
}

/** The patch for registries.update: only what changed; password left out keeps it, null forgets it. */
export function patchOf(saved: RegistryInfo, f: FormState) {
  const d = draftOf(f);
  return {
    id: saved.id,
    ...(d.name !== saved.name ? { name: d.name } : {}),
    ...(d.url !== saved.url && !saved.builtIn ? { url: d.url } : {}),
    ...(f.insecure !== saved.insecure ? { insecure: f.insecure } : {}),
    ...(d.ca ? { ca: d.ca } : {}),
    ...((d.username ?? '') !== (saved.username ?? '') ? { username: d.username ?? '' } : {}),
    ...(f.forgetPassword ? { password: null } : d.password ? { password: d.password } : {}),
  };
}

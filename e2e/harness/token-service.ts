import { createSign, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { TestCertificates } from './tls';

export interface TokenRequest {
  service: string | null;
  scopes: string[];
  account: string | null;
  /** The user name of the Basic credentials sent, if any. */
  user?: string;
}

export interface TestTokenService {
  /** What a registry's `auth.token.realm` points at. */
  realm: string;
  service: string;
  issuer: string;
  /** Every token request, in order, so tests can check the scopes a client asked for. */
  requests: TokenRequest[];
  stop(): Promise<void>;
}

/**
 * A real token issuer for the Distribution registry's token auth (test infrastructure, not a registry double):
 * it checks Basic credentials against one user, grants the actions asked for in each `scope` parameter, and signs
 * an RS256 JWT whose `x5c` header carries the certificate the registry trusts (its `rootcertbundle`).
 */
export async function startTokenService(
  signer: TestCertificates,
  user: { username: string; password: string },
): Promise<TestTokenService> {
  const key = await readFile(signer.keyFile, 'utf8');
  const certDer = pemBody(await readFile(signer.certFile, 'utf8'));
  const service = 'berth-test-registry';
  const issuer = 'berth-test-issuer';
  const requests: TokenRequest[] = [];

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://token.invalid');
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const [name, password] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(/:(.*)/s) : [];
    const request: TokenRequest = {
      service: url.searchParams.get('service'),
      scopes: url.searchParams.getAll('scope'),
      account: url.searchParams.get('account'),
      ...(name ? { user: name } : {}),
    };
    requests.push(request);
    if (basic && (name !== user.username || password !== user.password)) {
      res
        .writeHead(401, { 'content-type': 'application/json' })
        .end('{"details":"wrong user name or password"}');
      return;
    }
    // Anonymous callers get a token with no access, as real issuers do: the registry then refuses the request.
    const access = basic ? request.scopes.map(parseScope).filter((a) => a !== undefined) : [];
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: issuer,
      sub: name ?? '',
      aud: service,
      exp: now + 300,
      nbf: now - 10,
      iat: now,
      jti: randomUUID(),
      access,
    };
    const token = sign({ typ: 'JWT', alg: 'RS256', x5c: [certDer] }, claims, key);
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ token, expires_in: 300 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    realm: `http://127.0.0.1:${port}/token`,
    service,
    issuer,
    requests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function parseScope(scope: string): { type: string; name: string; actions: string[] } | undefined {
  // type:name:actions, where the name may itself hold a colon (a registry host with a port).
  const m = /^([a-z]+):(.+):([a-z*,]+)$/.exec(scope);
  return m?.[1] && m[2] && m[3] ? { type: m[1], name: m[2], actions: m[3].split(',') } : undefined;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

function sign(header: object, claims: object, keyPem: string): string {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  const signature = createSign('RSA-SHA256').update(input).sign(keyPem);
  return `${input}.${b64url(signature)}`;
}

const pemBody = (pem: string) => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');

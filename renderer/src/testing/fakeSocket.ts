import { createWebSocketClient, type SocketLike, type WebSocketClientOptions } from '../api/wsClient';

/** A scripted browser WebSocket: the test opens, drops and feeds it, and reads what the client sent. */
export class FakeSocket implements SocketLike {
  readyState = 0;
  sent: unknown[] = [];
  closed = false;
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.closed = true;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({});
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

/** A WebSocket client over FakeSockets (one per connection attempt) with short backoffs. */
export function setupWebSocketClient(
  options: Omit<WebSocketClientOptions, 'createSocket'> = {},
  url = 'ws://host/api/ws',
) {
  const sockets: FakeSocket[] = [];
  const client = createWebSocketClient(url, {
    createSocket: (u) => {
      const s = new FakeSocket(u);
      sockets.push(s);
      return s;
    },
    initialBackoffMs: 100,
    maxBackoffMs: 400,
    ...options,
  });
  const last = () => {
    const s = sockets.at(-1);
    if (!s) throw new Error('no socket');
    return s;
  };
  return { client, sockets, last };
}

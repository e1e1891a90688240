// Plain TCP to the server, for what fetch cannot do: stop half-way through a
// request, or hold a connection open without sending anything.
import { connect, type Socket } from 'node:net';

export interface RawConnection {
  socket: Socket;
  /** Resolves once connected. */
  connected: Promise<void>;
  /** Everything the server sent, once the connection is closed (by either side). */
  closed: Promise<string>;
  /** Resolves with what has arrived as soon as it contains `text`. */
  received(text: string): Promise<string>;
}

export function openRaw(base: string, options: { localAddress?: string } = {}): RawConnection {
  const { hostname, port } = new URL(base);
  const socket = connect({ host: hostname, port: Number(port), localAddress: options.localAddress });
  let data = '';
  const waiters: Array<{ text: string; resolve: (data: string) => void }> = [];
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    data += chunk;
    for (const w of [...waiters]) {
      if (data.includes(w.text)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(data);
      }
    }
  });
  // A reset by the server is a way of closing too; the test looks at what arrived.
  socket.on('error', () => {});
  return {
    socket,
    connected: new Promise((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('error', reject);
    }),
    closed: new Promise((resolve) => socket.once('close', () => resolve(data))),
    received: (text) => (data.includes(text) ? Promise.resolve(data) : new Promise((resolve) => waiters.push({ text, resolve }))),
  };
}

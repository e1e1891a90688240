import type { EventSourceLike } from '../../src/sync/event-stream';

/** How many times a stream ended and was reopened, for the benchmark's report. */
export const reconnects = { count: 0 };

/**
 * Enough of EventSource for the engine in Node 20 (which has none): named
 * events over a fetch stream, reconnecting after a second when the stream
 * ends, as a browser's EventSource does.
 */
export function nodeEventSource(url: string): EventSourceLike {
  const abort = new AbortController();
  const listeners = new Map<string, Array<(e: MessageEvent) => void>>();
  const source = {
    readyState: 0,
    addEventListener(type: string, listener: (e: MessageEvent) => void) {
      listeners.set(type, [...(listeners.get(type) ?? []), listener]);
    },
    close() {
      source.readyState = 2;
      abort.abort();
    },
  };
  void (async () => {
    while (source.readyState !== 2) {
      try {
        const res = await fetch(url, { signal: abort.signal, headers: { accept: 'text/event-stream' } });
        source.readyState = 1;
        const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let event = 'message';
            let data = '';
            for (const line of block.split('\n')) {
              if (line.startsWith('event:')) event = line.slice(6).trim();
              else if (line.startsWith('data:')) data += line.slice(5).trim();
            }
            for (const l of listeners.get(event) ?? []) l({ data } as MessageEvent);
          }
        }
      } catch {
        // aborted by close(), or dropped: reconnect below unless closed
      }
      if (source.readyState === 2) break;
      reconnects.count++;
      source.readyState = 0;
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();
  return source;
}

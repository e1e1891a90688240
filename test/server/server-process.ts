// The sync server as a process of its own, started as `npm run server` starts
// it, for tests that kill it. It leads a process group, so SIGKILL reaches
// whatever it started; it restarts on the same port, so clients keep one address.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const START_TIMEOUT_MS = 30_000;

export interface ServerProcess {
  readonly baseUrl: string;
  /** Starts it and resolves once /api/health answers. */
  start(): Promise<void>;
  /** SIGKILL to the process group, as a crash or the OOM killer would; resolves once it is gone. */
  kill(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `env`: the server's settings (config.ts) on top of PATH and HOME; nothing else of the test's environment leaks in. */
export function serverProcess(port: number, env: Record<string, string>): ServerProcess {
  const baseUrl = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  // The tail of what it printed, for the message when it does not come up.
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };

  return {
    baseUrl,
    async start() {
      if (child && child.exitCode === null && child.signalCode === null) throw new Error('the server is already running');
      const started = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
        cwd: REPO,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HOST: '127.0.0.1', PORT: String(port), ...env },
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = started;
      started.stdout!.on('data', keep);
      started.stderr!.on('data', keep);
      // Detached, it would outlive a test run that is interrupted.
      const killOnExit = () => {
        try {
          process.kill(-started.pid!, 'SIGKILL');
        } catch {
          // Already gone.
        }
      };
      process.once('exit', killOnExit);
      exited = new Promise((resolve) =>
        started.once('exit', () => {
          process.removeListener('exit', killOnExit);
          resolve();
        }),
      );
      const deadline = Date.now() + START_TIMEOUT_MS;
      while (Date.now() < deadline) {
        if (started.exitCode !== null || started.signalCode !== null) break;
        try {
          if ((await fetch(`${baseUrl}/api/health`)).ok) return;
        } catch {
          // Not listening yet.
        }
        await sleep(50);
      }
      throw new Error(`The server did not come up on ${baseUrl}:\n${log}`);
    },
    async kill() {
      const running = child;
      if (!running?.pid || running.exitCode !== null || running.signalCode !== null) return;
      try {
        process.kill(-running.pid, 'SIGKILL');
      } catch {
        // The group is already gone.
      }
      await exited;
    },
  };
}

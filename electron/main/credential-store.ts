import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { safeStorage } from 'electron';
import { z } from 'zod';
import type { CredentialBackend } from '../../src/bridge/contract';

// Tokens live only in the main process, encrypted by the OS keychain through
// safeStorage; the renderer asks for one by account name. When safeStorage
// cannot really encrypt (no keychain, or Linux's 'basic_text' fallback with
// a hard-coded key) nothing is written: a token on disk in the clear is
// worse than signing in again.

const fileSchema = z.object({
  version: z.literal(1),
  entries: z.record(z.string(), z.string()),
});
/** Account name to base64 ciphertext. A Map, so an account named `constructor` is just a name. */
type Entries = Map<string, string>;

export interface CredentialStore {
  backend(): CredentialBackend;
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<void>;
}

/** Why encryption is not trustworthy here, or null when it is. */
export function encryptionProblem(platform: NodeJS.Platform = process.platform): string | null {
  if (!safeStorage.isEncryptionAvailable()) {
    return 'the operating system keychain is not available to Switchboard';
  }
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return "no Secret Service keyring was found, so Electron would fall back to its 'basic_text' backend, which is not encryption";
  }
  return null;
}

function whatToDo(platform: NodeJS.Platform): string {
  const fix =
    platform === 'linux'
      ? 'Install and unlock a keyring (GNOME Keyring or KWallet) and restart Switchboard'
      : 'Unlock your account keychain (sign in to the OS user account) and restart Switchboard';
  return `${fix}; until then, sign in each session without saving the token.`;
}

export function createCredentialStore(filePath: string, platform: NodeJS.Platform = process.platform): CredentialStore {
  async function load(): Promise<Entries> {
    let text: string;
    try {
      text = await readFile(filePath, 'utf8');
    } catch {
      return new Map();
    }
    try {
      const parsed = fileSchema.safeParse(JSON.parse(text));
      if (parsed.success) return new Map(Object.entries(parsed.data.entries));
    } catch {
      // fall through: a damaged file holds nothing we could decrypt anyway
    }
    return new Map();
  }

  async function save(entries: Entries): Promise<void> {
    await mkdir(path.dirname(filePath), { recursive: true });
    // Write then rename, so a crash mid-write never leaves half a file.
    const temp = `${filePath}.tmp`;
    const file: z.infer<typeof fileSchema> = { version: 1, entries: Object.fromEntries(entries) };
    await writeFile(temp, JSON.stringify(file), { encoding: 'utf8', mode: 0o600 });
    await rename(temp, filePath);
  }

  // Read-modify-write must not interleave when two calls arrive together.
  let tail: Promise<unknown> = Promise.resolve();
  function serially<T>(task: () => Promise<T>): Promise<T> {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  }

  return {
    backend: () => (encryptionProblem(platform) === null ? 'os-keychain' : 'memory'),

    async get(account) {
      const blob = (await load()).get(account);
      if (blob === undefined) return null;
      const problem = encryptionProblem(platform);
      if (problem) throw new Error(`Cannot read the saved credential for "${account}": ${problem}. ${whatToDo(platform)}`);
      try {
        return safeStorage.decryptString(Buffer.from(blob, 'base64'));
      } catch {
        throw new Error(
          `The saved credential for "${account}" cannot be decrypted (the keychain changed or the file was damaged). Sign in again to replace it.`,
        );
      }
    },

    async set(account, secret) {
      const problem = encryptionProblem(platform);
      if (problem) throw new Error(`Refused to save the credential for "${account}": ${problem}. ${whatToDo(platform)}`);
      const ciphertext = safeStorage.encryptString(secret).toString('base64');
      await serially(async () => {
        const entries = await load();
        entries.set(account, ciphertext);
        await save(entries);
      });
    },

    delete: (account) =>
      serially(async () => {
        const entries = await load();
        if (entries.delete(account)) await save(entries);
      }),
  };
}

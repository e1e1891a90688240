import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// A reversible stand-in for the OS keychain: enough to see that what reaches
// the disk is what safeStorage returned, never the secret itself.
const electron = vi.hoisted(() => ({
  safeStorage: {
    isEncryptionAvailable: vi.fn(() => true),
    getSelectedStorageBackend: vi.fn((): string => 'gnome_libsecret'),
    encryptString: vi.fn((plain: string) => Buffer.from(`enc(${plain})`)),
    decryptString: vi.fn((blob: Buffer) => {
      const text = blob.toString();
      if (!text.startsWith('enc(')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return text.slice(4, -1);
    }),
  },
}));
vi.mock('electron', () => electron);

const { createCredentialStore, encryptionProblem } = await import('../../../electron/main/credential-store');

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'switchboard-credentials-'));
  file = path.join(dir, 'credentials.json');
  electron.safeStorage.isEncryptionAvailable.mockReturnValue(true);
  electron.safeStorage.getSelectedStorageBackend.mockReturnValue('gnome_libsecret');
  electron.safeStorage.encryptString.mockClear();
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('credential store with a real keychain', () => {
  it('reports the OS keychain backend', () => {
    expect(createCredentialStore(file, 'linux').backend()).toBe('os-keychain');
  });

  it('round-trips a token and writes only ciphertext', async () => {
    const store = createCredentialStore(file, 'linux');
    await store.set('sync:alice', 'tok-123');
    await expect(store.get('sync:alice')).resolves.toBe('tok-123');
    const onDisk = await readFile(file, 'utf8');
    expect(onDisk).not.toContain('tok-123');
    expect(JSON.parse(onDisk)).toEqual({ version: 1, entries: { 'sync:alice': Buffer.from('enc(tok-123)').toString('base64') } });
  });

  it('keeps both tokens when two are saved at once', async () => {
    const store = createCredentialStore(file, 'linux');
    await Promise.all([store.set('a', '1'), store.set('b', '2')]);
    await expect(store.get('a')).resolves.toBe('1');
    await expect(store.get('b')).resolves.toBe('2');
  });

  it('returns null for an account it never saved, including Object.prototype names', async () => {
    const store = createCredentialStore(file, 'linux');
    await store.set('sync', 'x');
    await expect(store.get('nobody')).resolves.toBeNull();
    await expect(store.get('constructor')).resolves.toBeNull();
    await expect(store.get('__proto__')).resolves.toBeNull();
  });

  it('deletes a token', async () => {
    const store = createCredentialStore(file, 'linux');
    await store.set('sync', 'x');
    await store.delete('sync');
    await expect(store.get('sync')).resolves.toBeNull();
    await store.delete('never-there');
  });

  it('treats a damaged or foreign file as empty', async () => {
    await writeFile(file, '{"version": 2, "entries": []}');
    await expect(createCredentialStore(file, 'linux').get('sync')).resolves.toBeNull();
    await writeFile(file, 'not json');
    await expect(createCredentialStore(file, 'linux').get('sync')).resolves.toBeNull();
  });

  it('says to sign in again when a saved token cannot be decrypted', async () => {
    await writeFile(file, JSON.stringify({ version: 1, entries: { sync: Buffer.from('garbage').toString('base64') } }));
    await expect(createCredentialStore(file, 'linux').get('sync')).rejects.toThrow(
      'The saved credential for "sync" cannot be decrypted (the keychain changed or the file was damaged). Sign in again to replace it.',
    );
  });
});

describe("credential store on Linux's plain-text backend", () => {
  beforeEach(() => {
    electron.safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
  });

  it('reports memory, not the keychain', () => {
    expect(createCredentialStore(file, 'linux').backend()).toBe('memory');
  });

  it('refuses to save, says why and what to do, and writes nothing', async () => {
    await expect(createCredentialStore(file, 'linux').set('sync', 'tok-123')).rejects.toThrow(
      'Refused to save the credential for "sync": no Secret Service keyring was found, so Electron would fall back to its ' +
        "'basic_text' backend, which is not encryption. Install and unlock a keyring (GNOME Keyring or KWallet) and restart " +
        'Switchboard; until then, sign in each session without saving the token.',
    );
    expect(electron.safeStorage.encryptString).not.toHaveBeenCalledWith('tok-123');
    await expect(readFile(file, 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('only checks the backend on Linux, where it exists', () => {
    expect(encryptionProblem('darwin')).toBeNull();
    expect(encryptionProblem('linux')).toMatch(/basic_text/);
  });
});

describe('credential store without encryption', () => {
  beforeEach(() => {
    electron.safeStorage.isEncryptionAvailable.mockReturnValue(false);
  });

  it('refuses to save and says what to do', async () => {
    await expect(createCredentialStore(file, 'win32').set('sync', 'tok')).rejects.toThrow(
      'Refused to save the credential for "sync": the operating system keychain is not available to Switchboard. ' +
        'Unlock your account keychain (sign in to the OS user account) and restart Switchboard; until then, sign in each session without saving the token.',
    );
  });

  it('still lets the user delete what was saved before', async () => {
    await writeFile(file, JSON.stringify({ version: 1, entries: { sync: 'ZW5jKHgp' } }));
    const store = createCredentialStore(file, 'win32');
    await expect(store.get('sync')).rejects.toThrow(
      /Cannot read the saved credential for "sync": the operating system keychain is not available/,
    );
    await store.delete('sync');
    await expect(store.get('sync')).resolves.toBeNull();
  });
});

/** The Electron executable if it is installed, else null; never starts a download. */
export function electronBinaryPath(): string | null;

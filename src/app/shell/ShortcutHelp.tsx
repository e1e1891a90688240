import { SHORTCUTS } from './shortcuts';

/** The keyboard help, written from the same table the key handler dispatches from. */
export function ShortcutHelp() {
  return (
    <footer className="shortcut-help" aria-label="Keyboard shortcuts">
      {SHORTCUTS.map((shortcut) => (
        <span key={shortcut.key}>
          <kbd>{shortcut.label}</kbd> {shortcut.description}
        </span>
      ))}
    </footer>
  );
}

// Links that must never leave Switchboard, shared by every test of the link
// rule so the desktop and browser runtimes are tried on the same list.

export const ALLOWED_LINKS = [
  'https://docs.switchboard.example/guide',
  'https://www.switchboard.example/',
  'https://docs.switchboard.example/a?b=c#d',
];

export const HOSTILE_LINKS = [
  'http://docs.switchboard.example/',
  'https://docs.switchboard.example.evil.example/',
  'https://evil.example/docs.switchboard.example',
  'https://evil.example/?next=https://docs.switchboard.example',
  'https://evil.example/#https://docs.switchboard.example',
  'https://docs.switchboard.example@evil.example/',
  'https://user@docs.switchboard.example/',
  'https://user:pass@docs.switchboard.example/',
  'https://docs.switchboard.example:8443/',
  'https://docs.switchboard.example:443.evil.example/',
  'https://switchboard.example/',
  'https://evil-switchboard.example/',
  'https://docs-switchboard.example/',
  'javascript:alert(1)',
  'file:///etc/passwd',
  'data:text/html,hi',
  'app://switchboard/index.html',
  'smb://docs.switchboard.example/share',
  'mailto:help@switchboard.example',
  '',
  'docs.switchboard.example',
];

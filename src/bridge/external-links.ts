/** The only hosts a link may open outside Switchboard (desktop and browser alike), over https. */
export const EXTERNAL_LINK_HOSTS: readonly string[] = ['www.switchboard.example', 'docs.switchboard.example'];

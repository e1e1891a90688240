import type { SwitchboardBridge } from '../../bridge/contract';
import { webFallbackBridge } from './web-fallback';

/** The Electron preload's bridge when present, else the browser fallback. */
export function getBridge(): SwitchboardBridge {
  return window.switchboard ?? webFallbackBridge;
}

// Runs in: Electron main. Glue: renders createTrayMenu(state) into a native Menu on every state change.
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import { createTrayMenu, trayTooltip, type TrayAction, type TrayItem, type TrayState } from './tray-menu';

export class TrayController {
  private readonly tray: Tray;
  private items: TrayItem[] = [];

  constructor(
    iconPath: string,
    private readonly perform: (action: TrayAction) => void,
  ) {
    const icon = nativeImage.createFromPath(iconPath);
    if (process.platform === 'darwin') icon.setTemplateImage(true);
    this.tray = new Tray(icon);
  }

  render(state: TrayState): void {
    this.items = createTrayMenu(state);
    this.tray.setToolTip(trayTooltip(state.status));
    this.tray.setContextMenu(Menu.buildFromTemplate(this.items.map((item) => this.toNative(item))));
  }

  /** For the Playwright `_electron` suite (gated by COCKPIT_TEST_HOOKS): native menus cannot be clicked. */
  clickByLabel(label: string): boolean {
    const item = this.items.find((i) => i.kind !== 'separator' && i.label === label);
    if (!item || item.kind === 'separator' || !item.action || !item.enabled) return false;
    this.perform(item.action);
    return true;
  }

  destroy(): void {
    this.tray.destroy();
  }

  private toNative(item: TrayItem): MenuItemConstructorOptions {
    if (item.kind === 'separator') return { type: 'separator' };
    const action = item.action;
    return {
      type: item.kind === 'checkbox' ? 'checkbox' : 'normal',
      label: item.label,
      enabled: item.enabled,
      ...(item.kind === 'checkbox' ? { checked: item.checked } : {}),
      ...(action ? { click: () => this.perform(action) } : {}),
    };
  }
}

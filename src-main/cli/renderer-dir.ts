// Runs in: Node (CLI). The built renderer sits next to the bundled CLI: out/main/cli.js → out/renderer.
import { fileURLToPath } from 'node:url';

export function builtRendererDir(): string {
  return process.env.COCKPIT_RENDERER_DIR ?? fileURLToPath(new URL('../renderer', import.meta.url));
}

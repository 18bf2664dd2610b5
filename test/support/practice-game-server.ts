// Serves the practice crash game (src-renderer/practice-game.html) over plain HTTP for browser and desktop e2e tests,
// bundled on the fly with esbuild so tests never depend on a prior `npm run build`.

import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

const RENDERER_DIR = resolve(import.meta.dirname, '../../src-renderer');

export interface PracticeGameServerOptions {
  readonly host?: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
}

export interface PracticeGameServer {
  /** `http://host:port/practice-game.html`; append `?seed=…&rate=…` to configure the game. */
  readonly url: string;
  readonly origin: string;
  close(): Promise<void>;
}

interface Asset {
  readonly type: string;
  readonly body: string;
}

let assets: Promise<Map<string, Asset>> | undefined;

async function bundle(): Promise<Map<string, Asset>> {
  const [result, html, css, skinsCss] = await Promise.all([
    build({
      entryPoints: [resolve(RENDERER_DIR, 'practice-game/main.ts')],
      bundle: true,
      format: 'esm',
      target: 'es2022',
      write: false,
      sourcemap: 'inline',
      logLevel: 'silent',
    }),
    readFile(resolve(RENDERER_DIR, 'practice-game.html'), 'utf8'),
    readFile(resolve(RENDERER_DIR, 'practice-game/style.css'), 'utf8'),
    readFile(resolve(RENDERER_DIR, 'practice-game/skins.css'), 'utf8'),
  ]);
  const script = result.outputFiles[0];
  if (!script || !html.includes('./practice-game/main.ts')) throw new Error('practice-game.html no longer loads ./practice-game/main.ts');
  return new Map([
    ['/practice-game.html', { type: 'text/html; charset=utf-8', body: html.replace('./practice-game/main.ts', './practice-game/main.js') }],
    ['/practice-game/main.js', { type: 'text/javascript; charset=utf-8', body: script.text }],
    ['/practice-game/style.css', { type: 'text/css; charset=utf-8', body: css }],
    ['/practice-game/skins.css', { type: 'text/css; charset=utf-8', body: skinsCss }],
  ]);
}

export async function servePracticeGame(options: PracticeGameServerOptions = {}): Promise<PracticeGameServer> {
  assets ??= bundle();
  const files = await assets;
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const asset = files.get(path === '/' ? '/practice-game.html' : path);
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (!asset) {
      response.writeHead(404).end();
      return;
    }
    // Same policy the app shells apply: scripts and styles from our own origin only.
    response.writeHead(200, {
      'content-type': asset.type,
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'",
    });
    response.end(asset.body);
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, ready);
  });
  const origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/practice-game.html`,
    origin,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

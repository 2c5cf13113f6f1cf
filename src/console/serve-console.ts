import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import express, { NextFunction, Request, Response } from 'express';

/** Where the console lives in the URL space; the API, /docs and /iclock keep theirs. */
export const CONSOLE_BASE = '/app';

/** Vite names every built asset after its content: such a file never changes under its name. */
const HASHED_ASSET = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/**
 * Serves the built console (`npm run build` writes it to CONSOLE_DIR): hashed assets cached for a
 * year, `index.html` revalidated every time so that a new build is seen at once, and every other
 * path under /app answered with `index.html` so that a reload of a client route works. `GET /`
 * sends people to the console. Without a build the console paths answer 503 with the command that
 * makes one, so that a developer running only the API is told, not shown a blank page.
 */
export function serveConsole(app: INestApplication, consoleDir: string): void {
  const dir = resolve(consoleDir);
  const indexPath = join(dir, 'index.html');
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method === 'GET' || request.method === 'HEAD') && request.path === '/') return response.redirect(302, `${CONSOLE_BASE}/`);
    next();
  });
  const assets = express.static(dir, {
    index: false,
    fallthrough: true,
    redirect: false,
    setHeaders: (response, path) => {
      const relative = path.slice(dir.length).replace(/\\/g, '/');
      response.setHeader('Cache-Control', HASHED_ASSET.test(relative) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  let index: string | null = null;
  app.use(CONSOLE_BASE, (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    assets(request, response, () => {
      // A missing hashed asset is a 404, not the page: a stale tab must not parse HTML as script.
      if (request.path.startsWith('/assets/')) return next();
      if (index === null && existsSync(indexPath)) index = readFileSync(indexPath, 'utf8');
      if (index === null) {
        response.status(503).type('text/plain; charset=utf-8').send('The console is not built: run `npm run build` (or `npm start`).\n');
        return;
      }
      response.setHeader('Cache-Control', 'no-cache');
      response.type('text/html; charset=utf-8').send(index);
    });
  });
}

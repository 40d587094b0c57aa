import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadDemo, DEMO_PASSWORD } from '../src/core/demo/demo.ts';
import { buildWebIfStale, webDist } from '../src/web-build.ts';
import type { Services } from '../src/core/services.ts';
import type { ModuleManifest } from '../src/core/registry.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether Debian's Chromium is installed. Without it the browser suite is skipped with
 * one line — unless FAZHI_REQUIRE_BROWSER=1 (set by .ci/run) makes that a failure.
 */
export function browserAvailable(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  if (process.env.FAZHI_REQUIRE_BROWSER === '1') throw new Error(`Chromium required (FAZHI_REQUIRE_BROWSER=1) but not found at ${CHROMIUM}: apt-get install -y chromium`);
  console.warn(`Chromium not found at ${CHROMIUM}: skipping the browser tests (apt-get install -y chromium)`);
  return false;
}

export interface Platform {
  baseUrl: string;
  app: FastifyInstance;
  s: Services;
  browser: Browser;
  /** A fresh browser context (its own cookies), logged in as a demo user unless `username` is null. */
  open(username: string | null, password?: string): Promise<Page>;
  close(): Promise<void>;
}

/** The real server (embedded PGlite, demo data, built web app) on a loopback port, and Chromium. */
export async function startPlatform(seed?: (s: Services) => Promise<void>, modules?: ModuleManifest[], options?: { now?: () => Date }): Promise<Platform> {
  if (!buildWebIfStale()) throw new Error('web build failed');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-e2e-'));
  const app = await buildApp({ dataDir, webDist, logLevel: 'silent', loginRateLimit: 10_000, modules, now: options?.now });
  await loadDemo(app.services);
  if (seed) await seed(app.services);
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Without these Chromium keeps dialling Google's hosts, which a closed intranet refuses.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    baseUrl,
    app,
    s: app.services,
    browser,
    async open(username, password = DEMO_PASSWORD) {
      const context = await browser.newContext({ baseURL: baseUrl, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      if (username) {
        await page.goto('/login');
        await page.getByTestId('login-username').fill(username);
        await page.getByTestId('login-password').fill(password);
        await page.getByTestId('login-submit').click();
        await page.waitForURL('**/dashboard');
      }
      return page;
    },
    async close() {
      await browser.close();
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

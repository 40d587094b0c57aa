import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const webDist = path.join(projectRoot, 'web', 'dist');

function newest(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs;
  for (const e of fs.readdirSync(p)) t = Math.max(t, newest(path.join(p, e)));
  return t;
}

/**
 * Builds the web app with Vite when its sources are newer than the last build, so a
 * fresh clone's first `npm start` builds it and later starts skip the build.
 * Returns false when the build failed.
 */
export function buildWebIfStale(): boolean {
  const web = path.join(projectRoot, 'web');
  const built = path.join(webDist, 'index.html');
  const sources = Math.max(newest(path.join(web, 'src')), newest(path.join(web, 'index.html')), newest(path.join(web, 'vite.config.ts')));
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources) return true;
  console.log('构建 Web 应用 / building the web app …');
  const vite = path.join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', path.join(web, 'vite.config.ts'), '--logLevel', 'warn'], { stdio: 'inherit', cwd: projectRoot });
  return r.status === 0;
}

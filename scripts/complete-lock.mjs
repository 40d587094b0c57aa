// Adds lock entries for platform-specific optional packages that the npm registry mirror
// used here does not serve (npm then leaves them out of package-lock.json and `npm ci`
// refuses the lock as out of sync — npm/cli#4828). The entries carry only version and
// platform fields; npm skips them on every other platform and never downloads them here.
// Run after `npm install` changes the lock: node scripts/complete-lock.mjs
import fs from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const platformOf = (name) => {
  const n = name.split('/').pop();
  const os = ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'openharmony', 'win32', 'sunos', 'aix', 'netbsd'].find((o) => n.includes(o));
  const cpu = ['arm64', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'arm'].find((c) => n.includes(`-${c}`));
  const libc = n.includes('musl') ? 'musl' : n.includes('-gnu') && os === 'linux' ? 'glibc' : undefined;
  return { os, cpu, libc };
};
let added = 0;
for (const [key, pkg] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const at = `node_modules/${dep}`;
    const nested = `${key ? key + '/' : ''}node_modules/${dep}`;
    if (lock.packages[at] || lock.packages[nested]) continue;
    const { os, cpu, libc } = platformOf(dep);
    if (!os || !cpu) continue;
    lock.packages[at] = { version, cpu: [cpu], license: pkg.license, optional: true, os: [os], ...(libc ? { libc: [libc] } : {}) };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`complete-lock: added ${added} platform entries`);

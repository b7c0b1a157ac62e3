// Browser tests need Debian's Chromium. Install it with apt when we can
// (root on Debian, as on CI); otherwise stop with a one-line instruction.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const isDebian = existsSync('/etc/debian_version');
  if (isRoot && isDebian) {
    console.log('Chromium is missing: installing it with apt (chromium, fonts-noto-cjk)…');
    execSync(
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk',
      {
        stdio: 'inherit',
      },
    );
  } else {
    console.error(
      `Chromium not found at ${CHROMIUM}: run "sudo apt-get install chromium fonts-noto-cjk" (or set CHROMIUM_PATH), then npm test again.`,
    );
    process.exit(1);
  }
}

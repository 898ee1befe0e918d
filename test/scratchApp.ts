import { execFile } from 'node:child_process'
import { mkdir, symlink } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)
const root = fileURLToPath(new URL('..', import.meta.url))
const npmEnv = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' }

/** Packs the package as npm would publish it (dist/ as built: scripts skipped) into `destination`, and returns the tarball's path. */
export async function packTarball(destination: string): Promise<string> {
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', destination], { cwd: root, env: npmEnv })
  return join(destination, JSON.parse(stdout)[0].filename)
}

/**
 * Installs the tarball into the app at `app`, as `npm install gatehouse` would, then links what
 * the app brings itself (`fromTheApp`) from this workspace's node_modules, so nothing comes from
 * off this machine. Linked after the install: npm prunes links it did not make.
 */
export async function installInto(app: string, tarball: string, fromTheApp: string[]) {
  await run('npm', ['install', tarball, '--prefer-offline', '--legacy-peer-deps', '--ignore-scripts'], { cwd: app, env: npmEnv })
  for (const name of fromTheApp) {
    await mkdir(dirname(join(app, 'node_modules', name)), { recursive: true })
    await symlink(join(root, 'node_modules', name), join(app, 'node_modules', name), 'dir')
  }
}

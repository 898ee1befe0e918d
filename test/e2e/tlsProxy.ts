import { execFileSync, spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect } from 'node:net'

/** How the proxy tells the app where the browser went: as most set-ups do, one or the other. */
export type HostHandling =
  /** `Host` passed through as the browser sent it, plus `X-Forwarded-Proto` (Caddy's default; nginx with `proxy_set_header Host $host`). */
  | 'keep-host'
  /** `Host` rewritten to the upstream's address, the browser's in `X-Forwarded-Host` / `-Proto` (nginx's default `Host`). */
  | 'rewrite-host'

/** One public port of the proxy and the app behind it. */
export interface ProxiedApp {
  listen: number
  upstream: number
  host: HostHandling
}

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx'

function requireTool(command: string, args: string[], install: string) {
  try {
    execFileSync(command, args, { stdio: 'ignore' })
  } catch {
    throw new Error(`${command} is needed for the TLS proxy tests: ${install}`)
  }
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.end()
      resolve(true)
    })
    socket.on('error', () => resolve(false))
  })

/**
 * A real nginx terminating TLS for `hostname` on 127.0.0.1, a port per app behind it, with a
 * self-signed certificate made now with openssl. Browsers reach it with
 * `--host-resolver-rules="MAP <hostname> 127.0.0.1"` and certificate errors ignored.
 * Resolves once every port listens; `stop()` ends nginx and removes its files.
 */
export async function startTlsProxy(hostname: string, apps: ProxiedApp[]): Promise<{ stop(): Promise<void> }> {
  requireTool(NGINX, ['-v'], 'install it (Debian: `apt-get install -y nginx`) or set NGINX_PATH.')
  requireTool('openssl', ['version'], 'install it (Debian: `apt-get install -y openssl`).')
  const dir = await mkdtemp(join(tmpdir(), 'gatehouse-tls-'))
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      `/CN=${hostname}`,
      '-addext',
      `subjectAltName=DNS:${hostname}`,
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  )
  const servers = apps.map(({ listen, upstream, host }) => {
    const headers =
      host === 'keep-host'
        ? ['proxy_set_header Host $http_host;', 'proxy_set_header X-Forwarded-Proto $scheme;']
        : ['proxy_set_header X-Forwarded-Host $http_host;', 'proxy_set_header X-Forwarded-Proto $scheme;']
    return `server {
    listen 127.0.0.1:${listen} ssl;
    server_name ${hostname};
    location / {
      proxy_pass http://127.0.0.1:${upstream};
      proxy_http_version 1.1;
      ${headers.join('\n      ')}
    }
  }`
  })
  await writeFile(
    join(dir, 'nginx.conf'),
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log stderr warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  ssl_certificate ${dir}/cert.pem;
  ssl_certificate_key ${dir}/key.pem;
  ${servers.join('\n  ')}
}
`,
  )
  const nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', 'stderr'], { stdio: ['ignore', 'ignore', 'inherit'] })
  const stop = async () => {
    if (nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx.once('exit', resolve))
      nginx.kill('SIGTERM')
      await exited
    }
    await rm(dir, { recursive: true, force: true })
  }
  const deadline = Date.now() + 10_000
  while (!(await Promise.all(apps.map(({ listen }) => listening(listen)))).every(Boolean)) {
    if (nginx.exitCode !== null || Date.now() > deadline) {
      await stop()
      throw new Error(`nginx did not start (exit ${nginx.exitCode}); see its output above.`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return { stop }
}

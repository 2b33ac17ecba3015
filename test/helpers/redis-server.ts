import fs from 'node:fs';
import net from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';

/** Debian's redis-server (setup.sh and .ci/run install it); tests that need it are skipped with this reason otherwise. */
export const REDIS_BINARY = '/usr/bin/redis-server';
export const redisMissing = fs.existsSync(REDIS_BINARY) ? undefined : `${REDIS_BINARY} is not installed (apt-get install redis-server)`;

export interface RedisServer {
  url: string;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setTimeout(500, () => socket.destroy());
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('close', () => resolve(false));
  });
}

/** A throw-away redis-server on a free port of 127.0.0.1: no persistence, no config file, ended by stop(). */
export async function startRedis(): Promise<RedisServer> {
  // A port found free may be taken before redis binds it: a few attempts, then the last error.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child = spawn(REDIS_BINARY, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    for (let i = 0; i < 100 && child.exitCode === null; i++) {
      if (await answersPing(port)) {
        return {
          url: `redis://127.0.0.1:${port}`,
          port,
          child,
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            await exited;
          },
        };
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    await exited;
    if (attempt >= 3) throw new Error(`redis-server did not start on port ${port}:\n${output}`);
  }
}

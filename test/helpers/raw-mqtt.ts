import net from 'node:net';

/** MQTT's remaining length: 7 bits a byte, least significant first [MQTT-2.2.3]. */
export function remainingLength(n: number): Buffer {
  const bytes: number[] = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    bytes.push(byte);
  } while (n > 0);
  return Buffer.from(bytes);
}

const utf8String = (bytes: Buffer): Buffer => Buffer.concat([Buffer.from([bytes.length >> 8, bytes.length & 0xff]), bytes]);

/** An MQTT 3.1.1 CONNECT with the client id's raw bytes, keep alive 60 s, and a username and password if given. */
export function connectPacket(clientId: Buffer, options: { clean: boolean; username?: string; password?: string }): Buffer {
  const credentials = options.username !== undefined && options.password !== undefined ? [options.username, options.password] : [];
  const flags = (options.clean ? 0x02 : 0x00) | (credentials.length ? 0xc0 : 0x00);
  const body = Buffer.concat([
    utf8String(Buffer.from('MQTT')),
    Buffer.from([4, flags, 0, 60]),
    utf8String(clientId),
    ...credentials.map((c) => utf8String(Buffer.from(c))),
  ]);
  return Buffer.concat([Buffer.from([0x10]), remainingLength(body.length), body]);
}

/** A QoS 0 PUBLISH whose fixed header announces `announced` bytes after it, of which only the topic is given. */
export function publishHeader(topic: string, announced: number): Buffer {
  return Buffer.concat([Buffer.from([0x30]), remainingLength(announced), utf8String(Buffer.from(topic))]);
}

/** A raw TCP connection that collects every byte the broker sends until it closes the connection. */
export interface RawMqtt {
  socket: net.Socket;
  /** Resolves with all the bytes received once the broker has closed the connection. */
  closed: Promise<Buffer>;
  /** Resolves with the first `n` bytes received, or fewer if the connection closed first. */
  received(n: number): Promise<Buffer>;
}

export async function openRaw(mqttUrl: string): Promise<RawMqtt> {
  const { hostname, port } = new URL(mqttUrl);
  const socket = net.connect({ host: hostname, port: Number(port) });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const chunks: Buffer[] = [];
  const waiting: Array<() => void> = [];
  socket.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    for (const wake of waiting.splice(0)) wake();
  });
  socket.on('error', () => {});
  let ended = false;
  const closed = new Promise<Buffer>((resolve) =>
    socket.once('close', () => {
      ended = true;
      for (const wake of waiting.splice(0)) wake();
      resolve(Buffer.concat(chunks));
    }),
  );
  const received = async (n: number): Promise<Buffer> => {
    while (Buffer.concat(chunks).length < n && !ended) await new Promise<void>((wake) => waiting.push(wake));
    return Buffer.concat(chunks).subarray(0, n);
  };
  return { socket, closed, received };
}

/** CONNACK with session present 0 and this return code [MQTT-3.2]. */
export const connack = (returnCode: number): Buffer => Buffer.from([0x20, 0x02, 0x00, returnCode]);

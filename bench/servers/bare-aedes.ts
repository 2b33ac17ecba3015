/**
 * Baseline: bare aedes answering dh/request inside the broker on dh/response/<action>@<clientId>, the DeviceHive
 * pattern (the fastest MQTT design measured in ../shared/research/performance.md). TCP_NODELAY on every socket.
 */
import net from 'node:net';
import { Aedes } from 'aedes';

const broker = await Aedes.createBroker();
broker.on('publish', (packet, client) => {
  if (!client || packet.topic !== 'dh/request') return;
  let request: { action?: string; requestId?: unknown };
  try {
    request = JSON.parse(packet.payload.toString());
  } catch {
    return;
  }
  const payload = JSON.stringify({ action: request.action, requestId: request.requestId, status: 'success' });
  broker.publish({ cmd: 'publish', topic: `dh/response/${request.action}@${client.id}`, payload: Buffer.from(payload), qos: 0, retain: false, dup: false }, () => {});
});
const server = net.createServer({ noDelay: true }, (socket) => {
  socket.setNoDelay(true);
  broker.handle(socket);
});
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: (server.address() as net.AddressInfo).port })));

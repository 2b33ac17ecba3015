import mqtt from 'mqtt';

/**
 * DeviceHive-style MQTT round trips: each client subscribes to dh/response/<action>@<clientId>, then publishes
 * its next request on dh/request when the previous answer arrives, for `durationMs` (bounded by time).
 */
export async function mqttRoundTrips(url: string, clients: number, durationMs: number, credentials: { username?: string; password?: string }, action = 'user/updateCurrent'): Promise<number> {
  const connected = await Promise.all(
    Array.from({ length: clients }, (_, i) => new Promise<mqtt.MqttClient>((resolve, reject) => {
      const client = mqtt.connect(url, { clientId: `bench-${process.pid}-${i}`, ...credentials, reconnectPeriod: 0, connectTimeout: 10_000 });
      client.once('connect', () => client.subscribe(`dh/response/${action}@bench-${process.pid}-${i}`, (err) => (err ? reject(err) : resolve(client))));
      client.once('error', reject);
    })),
  );
  for (const client of connected) (client as unknown as { stream?: { setNoDelay?: (v: boolean) => void } }).stream?.setNoDelay?.(true);
  const deadline = performance.now() + durationMs;
  let total = 0;
  await Promise.all(
    connected.map((client, i) => new Promise<void>((resolve) => {
      let n = 0;
      const next = () => {
        if (performance.now() >= deadline) return resolve();
        client.publish('dh/request', JSON.stringify({ action, requestId: `${i}-${n}`, user: { data: { n } } }));
      };
      client.on('message', () => {
        n++;
        total++;
        next();
      });
      next();
    })),
  );
  await Promise.all(connected.map((c) => c.endAsync(true)));
  return total / (durationMs / 1000);
}

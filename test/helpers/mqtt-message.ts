import type mqtt from 'mqtt';

/** The next message a client receives on `topic`, parsed as JSON; rejects after `timeoutMs` (every wait is bounded). */
export function nextMessage(client: mqtt.MqttClient, topic: string, timeoutMs = 5000): Promise<Record<string, any>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no message on ${topic} within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (t: string, payload: Buffer): void => {
      if (t !== topic) return;
      clearTimeout(timer);
      client.off('message', onMessage);
      resolve(JSON.parse(payload.toString()));
    };
    client.on('message', onMessage);
  });
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Whether a CONNECT's client id is an MQTT UTF-8 string ([MQTT-1.5.3-1], [MQTT-1.5.3-2]): well-formed UTF-8 (no
 * surrogate halves, no overlong forms) without U+0000. mqtt-packet decodes it leniently, turning bad bytes into
 * U+FFFD, so the raw bytes are judged here. `connect` is the CONNECT's variable header and payload from their first
 * byte; a CONNECT too short to hold a client id passes, for the broker to refuse as malformed.
 */
export function hasValidClientId(connect: Buffer): boolean {
  if (connect.length < 2) return true;
  // Protocol name (length-prefixed), then the level, the flags and the keep alive: 4 bytes.
  const idAt = 2 + connect.readUInt16BE(0) + 4;
  if (connect.length < idAt + 2) return true;
  const idEnd = idAt + 2 + connect.readUInt16BE(idAt);
  if (connect.length < idEnd) return true;
  const id = connect.subarray(idAt + 2, idEnd);
  if (id.includes(0)) return false;
  try {
    strictUtf8.decode(id);
    return true;
  } catch {
    return false;
  }
}

/**
 * [MQTT-3.1.3-8]: a zero-byte client id is allowed only with CleanSession 1; otherwise the server answers CONNACK
 * 0x02 (identifier rejected) and closes. aedes gives such a client a generated id instead.
 */
export function refusesEmptyClientId(packet: { clientId: string; clean?: boolean }): boolean {
  return packet.clientId === '' && packet.clean === false;
}

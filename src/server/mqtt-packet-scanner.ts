/** Why a connection's byte stream is refused before its packets reach the broker. */
export type MqttStreamRefusal =
  | { code: 'mqtt.packet_too_large'; announcedBytes: number }
  | { code: 'mqtt.malformed_length' }
  | { code: 'mqtt.client_id_invalid' };

/** A CONNECT's variable header before the client id: "MQIsdp" (3.1, the longest name aedes takes), level, flags, keep alive. */
const LONGEST_CONNECT_HEADER = 2 + 6 + 1 + 1 + 2;
/** Enough of a CONNECT to hold any client id (a 2-byte length and up to 65,535 bytes): all the check needs to keep. */
const CONNECT_PREFIX_BYTES = LONGEST_CONNECT_HEADER + 2 + 0xffff;
const CONNECT = 1;

type State = 'type' | 'length' | 'body';

/**
 * Follows the packet boundaries of one MQTT connection from its fixed headers only: the first byte, then the
 * remaining length (1 to 4 bytes, 7 bits each, [MQTT-2.2.3]). A packet is judged as soon as its header announces its
 * size, so a 50 MB PUBLISH is refused after 5 bytes, not after 50 MB. Only the first packet (CONNECT) is read further,
 * and only up to its client id. Pure and incremental: chunks may split a header anywhere.
 */
export class MqttPacketScanner {
  private state: State = 'type';
  private type = 0;
  private length = 0;
  private lengthBytes = 0;
  private left = 0;
  private packets = 0;
  private prefix: Buffer[] | undefined;
  private prefixBytes = 0;
  private prefixWanted = 0;

  constructor(
    private readonly maxPacketBytes: number,
    private readonly checkConnect: (prefix: Buffer) => boolean,
  ) {}

  /** The refusal the stream has earned with this chunk, if any; once refused, a stream is not scanned further. */
  scan(chunk: Buffer): MqttStreamRefusal | undefined {
    let at = 0;
    while (at < chunk.length) {
      if (this.state === 'type') {
        this.type = chunk[at++]! >> 4;
        this.length = 0;
        this.lengthBytes = 0;
        this.state = 'length';
      } else if (this.state === 'length') {
        const byte = chunk[at++]!;
        this.length += (byte & 0x7f) * 128 ** this.lengthBytes++;
        const total = 1 + this.lengthBytes + this.length;
        if (total > this.maxPacketBytes) return { code: 'mqtt.packet_too_large', announcedBytes: total };
        if (byte & 0x80) {
          if (this.lengthBytes === 4) return { code: 'mqtt.malformed_length' };
          continue;
        }
        this.startBody();
      } else {
        const taken = Math.min(this.left, chunk.length - at);
        if (this.prefix) this.keepPrefix(chunk.subarray(at, at + taken));
        at += taken;
        this.left -= taken;
        if (this.prefix && this.prefixBytes >= this.prefixWanted && !this.judgeConnect()) return { code: 'mqtt.client_id_invalid' };
        if (this.left === 0) this.state = 'type';
      }
    }
    return undefined;
  }

  private startBody(): void {
    this.left = this.length;
    // An empty CONNECT has no client id to judge; the broker refuses it as malformed.
    if (this.packets++ === 0 && this.type === CONNECT && this.length > 0) {
      this.prefix = [];
      this.prefixBytes = 0;
      this.prefixWanted = Math.min(this.length, CONNECT_PREFIX_BYTES);
    }
    this.state = this.length === 0 ? 'type' : 'body';
  }

  private keepPrefix(part: Buffer): void {
    const room = this.prefixWanted - this.prefixBytes;
    if (room <= 0) return;
    const kept = part.subarray(0, room);
    this.prefix!.push(kept);
    this.prefixBytes += kept.length;
  }

  /** Hands the CONNECT's first bytes to the check once, then forgets them. */
  private judgeConnect(): boolean {
    const prefix = Buffer.concat(this.prefix ?? []);
    this.prefix = undefined;
    return this.checkConnect(prefix);
  }
}

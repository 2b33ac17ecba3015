/** The reference servers' default request size limit (1 MB, server.maxRequestSize), used by every family and transport for request bodies. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The largest MQTT packet the broker takes, fixed header included: MAX_BODY_BYTES, so a request costs no more over
 * MQTT than over HTTP or WebSocket. Neither real broker of the families (both aedes) sets one, and MQTT 3.1.1
 * has no way to refuse a packet: a larger one ends the connection as soon as its fixed header announces it.
 */
export const MAX_MQTT_PACKET_BYTES = MAX_BODY_BYTES;

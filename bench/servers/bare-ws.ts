/** Baseline: a bare `ws` server answering each JSON request with a Kuzzle-shaped envelope carrying room. */
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
wss.on('connection', (socket) => {
  socket.on('message', (data) => {
    let request: { requestId?: string; body?: unknown; jwt?: string };
    try {
      request = JSON.parse(data.toString());
    } catch {
      return;
    }
    socket.send(JSON.stringify({ action: 'updateSelf', controller: 'auth', error: null, headers: {}, requestId: request.requestId, result: { _id: 'bench', _source: request.body }, status: 200, volatile: null, room: request.requestId }));
  });
});
wss.on('listening', () => console.log(JSON.stringify({ port: (wss.address() as { port: number }).port })));

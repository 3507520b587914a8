/**
 * Child-process entry: the stock @y/websocket-server 0.1.1, wired exactly as its own bin does
 * (setupWSConnection on a `ws` server sharing an http server), persistence off, bound to
 * 127.0.0.1 on the port given by PORT (0 = any). Prints the same "listening on" line as Penholder
 * so the orchestrator treats both servers alike.
 */
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

const host = '127.0.0.1';
const port = Number(process.env.PORT ?? '0');

const wss = new WebSocketServer({ noServer: true });
wss.on('connection', (conn, req) => setupWSConnection(conn, req));

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('okay');
});
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});
server.listen(port, host, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address !== null ? address.port : port;
  console.log(`stock y-websocket listening on http://${host}:${actual}`);
});

const shutdown = (): void => {
  for (const client of wss.clients) client.terminate();
  server.close(() => process.exit(0));
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

// Preload (`node --import <this file>`) for @modelcontextprotocol/server-everything in tests, e2e and the bench.
// The server calls `app.listen(PORT)`, i.e. every interface, and its get-env tool returns its whole environment:
// a listen on a bare port becomes a listen on 127.0.0.1 only.
import net from 'node:net';

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (port, ...rest) {
  if (/^[0-9]+$/.test(String(port)) && typeof rest[0] !== 'string') return listen.call(this, port, '127.0.0.1', ...rest);
  return listen.call(this, port, ...rest);
};

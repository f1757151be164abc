import net from 'node:net';

// nodemailer leaves Nagle's algorithm on: against a local server that delays its ACKs, every message then
// waits ~40 ms for the last segment. Worker processes turn TCP_NODELAY on for every client socket, as a
// production SMTP relay setup would (reported to the owner of the nodemailer adapter).
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
  this.setNoDelay(true);
  return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof connect;

// The ceiling of the webhook bench: a bare node:http server doing the flow's work (parse the JSON body, check
// the secret and status = paid, render the text, answer), nothing stored. Prints its address on stdout.
import { createServer } from 'node:http';

const SECRET = 'bench-secret-0123456789abcdef';

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    if (req.headers['x-webhook-secret'] !== SECRET) {
      res.writeHead(401).end();
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (body.status !== 'paid') {
      res.writeHead(204).end();
      return;
    }
    const text = `Merci ${body.customer.name}, commande ${body.id} payée.`;
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
  });
});
server.listen(0, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));

// Baseline (a): node:http answering every benchmark request with the API's own answer bytes,
// precomputed. Nothing parses the body: the physical ceiling of one Node process here.
import { createServer } from 'node:http';
import { cannedResponder } from './cannedResponses.js';

const respond = cannedResponder();
const server = createServer((req, res) => {
  req.resume();
  respond(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));

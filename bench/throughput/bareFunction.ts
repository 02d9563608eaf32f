// Baseline (b): a bare function on the functions framework answering with the same precomputed
// bytes. The framework still parses bodies and runs its middleware: the platform's ceiling.
import * as functions from '@google-cloud/functions-framework';
import { cannedResponder } from './cannedResponses.js';

const respond = cannedResponder();
functions.http('bare', (req, res) => respond(req, res));

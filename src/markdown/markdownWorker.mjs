// The worker thread behind parseOffThread.ts: parses markdown with the same processor as
// parseMarkdown.ts (remark-parse + remark-gfm) and posts the mdast tree back. Plain JavaScript,
// so that it runs as it is from src/ under the tests and beside the bundle when deployed.
import { parentPort } from 'node:worker_threads';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).freeze();

parentPort.on('message', (markdown) => {
  try {
    parentPort.postMessage({ tree: processor.parse(markdown) });
  } catch (error) {
    // A stack overflow (RangeError) or any other failure goes back as data, never as a crash.
    const failure = error instanceof Error ? error : new Error(String(error));
    parentPort.postMessage({ error: { name: failure.name, message: failure.message } });
  }
});
// One small parse before saying ready: a cold parser's first document pays for loading and
// compiling the parser's code, which is not the document's cost and must not count against
// its deadline (the deadline runs from the moment a document is posted).
processor.parse('# a\n\n*b* [c](d) `e`\n\n- f\n\n> g\n\n| h |\n| - |\n| i |\n');
parentPort.postMessage({ ready: true });

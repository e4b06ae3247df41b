// Faults between the pages and the real back end, put in by `startDemo({ wrapApi })`: the
// back end still does the work; what reaches the page is what a bad network or a sick server
// would let through.
//
//   const faults = faultyApi();
//   startDemo({ wrapApi: faults.wrap });
//   faults.fail(500, { method: 'PUT', path: /\/votes\// });   // a sick server
//   faults.loseReplies({ method: 'PUT', path: /\/votes\// }); // done, but the reply never comes
//   faults.down(); faults.up();                               // the back end away, then back
//   faults.closeStreams();                                    // the server ends live streams
//   faults.reset();
export function faultyApi() {
  /** Each request that reached /api: `{ at, method, path, fault }`. */
  const log = [];
  const streams = new Set();
  let rules = [];
  let isDown = false;

  const matches = (rule, request) =>
    (!rule.method || rule.method === request.method) && (!rule.path || rule.path.test(request.url));

  const wrap = (handler) => (request, response) => {
    const entry = { at: Date.now(), method: request.method, path: request.url, fault: undefined };
    log.push(entry);
    if (isDown) {
      // What the brand's reverse proxy answers while the back end is away.
      entry.fault = 'down';
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
      return;
    }
    const rule = rules.find((candidate) => matches(candidate, request));
    if (rule?.kind === 'status') {
      entry.fault = `status ${rule.status}`;
      response.writeHead(rule.status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ error: { code: 'internal', message: 'Injected fault.' } }));
      return;
    }
    if (rule?.kind === 'lose-reply') {
      // The back end handles the request in full; its answer goes nowhere, and the socket
      // stays open until the page gives up.
      entry.fault = 'reply lost';
      response.writeHead = () => response;
      response.setHeader = () => response;
      response.write = () => true;
      response.end = () => response;
    }
    if (/\/events(\?|$)/.test(request.url ?? '')) {
      streams.add(response);
      response.on('close', () => streams.delete(response));
    }
    handler(request, response);
  };

  return {
    wrap,
    log,
    /** Requests since `since` (ms) matching `method` and `path`. */
    requests: ({ since = 0, method, path } = {}) =>
      log.filter(
        (entry) => entry.at >= since && matches({ method, path }, { ...entry, url: entry.path }),
      ),
    fail: (status, match = {}) => rules.push({ kind: 'status', status, ...match }),
    loseReplies: (match = {}) => rules.push({ kind: 'lose-reply', ...match }),
    closeStreams: () => {
      const count = streams.size;
      for (const stream of streams) stream.destroy();
      return count;
    },
    down: () => {
      isDown = true;
      for (const stream of streams) stream.destroy();
    },
    up: () => {
      isDown = false;
    },
    reset: () => {
      rules = [];
      isDown = false;
    },
  };
}

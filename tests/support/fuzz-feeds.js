// Serves the stories feeds the fuzz tests make up: the page hands a body to the server
// command `vitrine-fuzz-feed` and gets back the URL that serves it, as a brand's CMS would.
// The fuzz tests run at /__fuzz/page/, so that the relative URLs they make up land here
// (empty answers) rather than filling the report with 404s.
export function fuzzFeedsPlugin() {
  const feeds = new Map();
  return {
    name: 'vitrine-fuzz-feeds',
    serve(context) {
      if (context.path.startsWith('/__fuzz/page/')) return { body: '', type: 'txt' };
      const match = /^\/__fuzz\/feed\/(\d+)\.json$/.exec(context.path);
      if (!match || !feeds.has(match[1])) return undefined;
      return { body: feeds.get(match[1]), type: 'json' };
    },
    executeCommand({ command, payload }) {
      if (command !== 'vitrine-fuzz-feed') return undefined;
      const id = String(feeds.size + 1);
      feeds.set(id, String(payload.body));
      return `/__fuzz/feed/${id}.json`;
    },
  };
}

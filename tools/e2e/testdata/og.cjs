// Parses the Open Graph and Twitter tags of the HTML files named on the command line with
// open-graph-scraper (npm, pinned in package.json) and prints {file: result} as JSON. It reads
// the files from disk; nothing is fetched. Used by e2e/preview_test.go.
const fs = require('fs');
const ogs = require('open-graph-scraper');

(async () => {
  const out = {};
  for (const f of process.argv.slice(2)) {
    try {
      const { result } = await ogs({ html: fs.readFileSync(f, 'utf8') });
      out[f] = result;
    } catch (e) {
      out[f] = { success: false, error: String(e && (e.result ? JSON.stringify(e.result) : e.message || e)) };
    }
  }
  process.stdout.write(JSON.stringify(out));
})();

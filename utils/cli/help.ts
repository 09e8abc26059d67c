/** The usage texts: `guangjie --help` and `guangjie classify --help` (docs/CLI.md says the same at more length). */
import { AD_KINDS, TAG_IDS } from '../model/tags';

export const MAIN_HELP = `guangjie - tag Douyin and TikTok feed items offline, with the extension's own code

Usage:
  guangjie classify [options] <file>...   one NDJSON line per feed item found in the files
  guangjie classify --help                inputs, output fields, options, exit codes
  guangjie --help | --version

Exit codes: 0 items found, 1 internal error, 2 usage, 3 file unreadable (missing, a directory,
above --max-bytes, cannot write --out), 4 no items (empty, not JSON, truncated, HTML, no feed responses).
`;

export const CLASSIFY_HELP = `Usage: guangjie classify [options] <file>...

Runs the extension's own extraction (each platform's extractFromResponse) and classifier (utils/classify)
on saved data. The kind of each file is read from its content, not its name:
  - a saved API response (JSON object, or a bare array such as a search response's data[]); its URL was not
    saved, so each platform reads it under each of its feed endpoints in turn until one finds items
  - an array of items, of responses, of HAR entries or of {url, body} pairs
  - a HAR (log.entries[]): entries whose request URL is a feed endpoint of a platform, read with that URL;
    base64 bodies are decoded; other entries are skipped
  - NDJSON (.ndjson / .jsonl, or a first line that is a whole JSON value): each line a response, a HAR entry,
    a {url, body} pair or a whole HAR; read line by line, so its total size is unlimited; a bad line is
    reported on stderr and skipped
  - HTML pages are refused: reading a page's embedded data needs a DOM, which the command does not ship

Output: one JSON object per line, on stdout or --out:
  platform, id, tags (in overlay order: ${TAG_IDS.join(' ')}),
  ad_kind (on every ad: ${AD_KINDS.slice(0, 4).join(' ')}
  ${AD_KINDS.slice(4).join(' ')}), kinds, confidence, evidence [{tag, source, field, value, note}], format,
  source, productIds, shopIds, authorId, authorName, brand, roomId, desc, endpoint, from {file, line},
  definitionsVersion.
  An item seen twice (same platform and id, in any file) is written once: the first reading wins, as in the
  extractor itself, so lines stream out without holding the input.

Options:
  -o, --out <file>       write the lines to <file> instead of stdout
  -s, --summary          print counts per tag and ads per kind on stdout instead of the lines
                         (with --out, the lines still go to the file)
      --max-bytes <n>    most bytes held in memory at once: a whole JSON/HAR file or one NDJSON line
                         (default 512M; suffixes k, M, G are decimal)
  -h, --help             this text

Exit codes: 0 items found; 1 internal error; 2 usage; 3 a file cannot be read or written (missing,
a directory, no permission, above --max-bytes); 4 no items (empty, not JSON, truncated, an HTML page,
a HAR without feed responses). With several files, each problem is reported and the first one's code
is the exit code; lines from the good files are still written.
`;

/**
 * Main-world network capture. Must run at document_start, before the page's first feed request.
 * No extension API here: this is page context; results go to feed.content via window.postMessage.
 */
import { installCapture } from '@/utils/capture';
import { captureMatches, isAnyItemEndpoint } from '@/utils/platforms/endpoint-registry';

export default defineContentScript({
  matches: captureMatches,
  world: 'MAIN',
  runAt: 'document_start',
  // No global variable in the page's scope.
  globalName: false,
  main() {
    installCapture(window, isAnyItemEndpoint);
  },
});

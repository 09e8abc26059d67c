/**
 * Isolated-world content script: hears the capture script's responses, classifies items, shows the overlay and
 * records touchpoints. Starts at document_start so it hears early messages; DOM work waits for the document.
 */
import { allHostPermissions } from '@/utils/platforms/hosts';
import { startFeedContent } from '@/utils/content/start';

export default defineContentScript({
  matches: allHostPermissions,
  runAt: 'document_start',
  main(ctx) {
    void startFeedContent(ctx);
  },
});

/**
 * Save an export from this extension page. Blob URLs can't be made in an MV3 service worker, so downloads start
 * here: through the downloads API when present, else through an `<a download>` click.
 */
import { browser } from 'wxt/browser';
import { fileToBlob, type ExportFile } from '@/utils/export/files';

export async function downloadExport(file: ExportFile): Promise<void> {
  const url = URL.createObjectURL(await fileToBlob(file));
  try {
    if (browser.downloads?.download) {
      await browser.downloads.download({ url, filename: file.filename, saveAs: false });
    } else {
      const a = Object.assign(document.createElement('a'), { href: url, download: file.filename });
      document.body.append(a);
      a.click();
      a.remove();
    }
  } finally {
    // The download has its own reference by now; keep the URL a little longer for slow starts (Firefox).
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

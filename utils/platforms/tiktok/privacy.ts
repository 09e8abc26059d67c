/** What a stored TikTok page URL may keep (see Platform.privacy). Checked 2026-11 against PLATFORMS.md's URLs. */
export const privacy = {
  // TikTok puts every id in the path (/@creator/video/<id>, /view/product/<id>): no parameter is needed.
  itemQueryParams: [{ hostSuffix: 'tiktok.com', params: [] }],
  creatorInPath: [/^(https?:\/\/[^/]*tiktok\.com\/@)([^/?#]+)/], // www.tiktok.com/@<handle>
};

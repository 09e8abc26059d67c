/** What a stored Douyin page URL may keep (see Platform.privacy). Checked 2026-11 against PLATFORMS.md's URLs. */
export const privacy = {
  itemQueryParams: [
    // www.douyin.com/jingxuan?modal_id=<aweme id>: the video open in the modal player (feeds, search, profiles).
    { hostSuffix: 'douyin.com', params: ['modal_id'] },
    // haohuo.jinritemai.com/…/detail/index.html?id=<product id>: the product of a Douyin shop page.
    { hostSuffix: 'jinritemai.com', params: ['id', 'product_id'] },
  ],
  creatorInPath: [
    /^(https?:\/\/[^/]*douyin\.com\/user\/)([^/?#]+)/, // www.douyin.com/user/<sec_uid>
    /^(https?:\/\/live\.douyin\.com\/)([^/?#]+)/, // live.douyin.com/<web_rid>: the streamer's room
  ],
};

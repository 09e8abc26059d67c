/** Host permissions: only the platforms' own hosts (least privilege). */
export const allHostPermissions = [
  'https://www.douyin.com/*',
  'https://live.douyin.com/*',
  'https://*.jinritemai.com/*',
  'https://www.tiktok.com/*',
];

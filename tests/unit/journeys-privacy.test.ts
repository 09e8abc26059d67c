import { describe, expect, it } from 'vitest';
import { makeSalt, pseudonymise, pseudonymiseItem, pseudonymisePageUrl, pseudonymiseTouchpoint } from '../../utils/journeys/hash';
import { sanitizePageUrl } from '../../utils/journeys/privacy';
import type { ClassifiedItem } from '../../utils/model/tags';
import { T0, tp } from './journeys-helpers';

const SALT = 'study-2026-salt-0123456789';

describe('sanitizePageUrl', () => {
  it('keeps the video id of a modal player and drops tracking parameters and fragments', () => {
    expect(sanitizePageUrl('https://www.douyin.com/jingxuan?modal_id=7301234567890123456&enter_from=feed&previous_page=x#c'))
      .toBe('https://www.douyin.com/jingxuan?modal_id=7301234567890123456');
  });

  it('keeps a search keyword in the path but drops the query string', () => {
    expect(sanitizePageUrl('https://www.douyin.com/search/%E8%BF%90%E5%8A%A8%E9%9E%8B?aid=6383&type=general&enter_method=x'))
      .toBe('https://www.douyin.com/search/%E8%BF%90%E5%8A%A8%E9%9E%8B');
  });

  it('keeps a shop product id, and nothing of TikTok\'s query strings', () => {
    expect(sanitizePageUrl('https://haohuo.jinritemai.com/ecommerce/trade/detail/index.html?id=3612345&origin_type=604&token=abc'))
      .toBe('https://haohuo.jinritemai.com/ecommerce/trade/detail/index.html?id=3612345');
    expect(sanitizePageUrl('https://www.tiktok.com/@creator/video/7301?is_from_webapp=1&sender_device=pc&id=9'))
      .toBe('https://www.tiktok.com/@creator/video/7301');
  });

  it('drops user-info and returns nothing for what is not an http(s) URL', () => {
    expect(sanitizePageUrl('https://me:secret@www.douyin.com/video/1?modal_id=2')).toBe('https://www.douyin.com/video/1?modal_id=2');
    expect(sanitizePageUrl('not a url')).toBe('');
    expect(sanitizePageUrl('javascript:alert(1)')).toBe('');
  });
});

describe('salted pseudonyms', () => {
  it('are stable for one salt, differ across salts, and look like nothing a platform issues', async () => {
    const a = await pseudonymise('MS4wLjABAAAA', SALT);
    expect(a).toMatch(/^h_[0-9a-f]{64}$/);
    expect(await pseudonymise('MS4wLjABAAAA', SALT)).toBe(a);
    expect(await pseudonymise('MS4wLjABAAAA', `${SALT}-other`)).not.toBe(a);
    expect(makeSalt()).toMatch(/^[0-9a-f]{32}$/);
  });

  it('refuses a short salt', async () => {
    await expect(pseudonymise('x', 'short')).rejects.toThrow(/salt/);
  });

  it('hash creator, shop and room ids in a touchpoint, and the creator in its page URL', async () => {
    const t = tp({ type: 'impression', at: T0, authorId: 'u1', shopId: 's1', productId: 'p1', pageUrl: 'https://www.douyin.com/user/MS4wAAA?modal_id=9' });
    const h = await pseudonymiseTouchpoint(t, SALT);
    expect(h.authorId).toBe(await pseudonymise('u1', SALT));
    expect(h.shopId).toBe(await pseudonymise('s1', SALT));
    expect(h.productId).toBe('p1');
    expect(h.roomId).toBeUndefined();
    expect(h.pageUrl).toBe(`https://www.douyin.com/user/${await pseudonymise('MS4wAAA', SALT)}?modal_id=9`);
    expect(await pseudonymisePageUrl('https://www.tiktok.com/@creator/video/1', SALT)).toMatch(/^https:\/\/www\.tiktok\.com\/@h_[0-9a-f]{64}\/video\/1$/);
    expect(await pseudonymisePageUrl('https://www.douyin.com/user/self', SALT)).toBe('https://www.douyin.com/user/self');
  });

  it('hash an item\'s creator, shops and room and drop the creator\'s name', async () => {
    const item: ClassifiedItem = {
      platform: 'douyin', id: '1', format: 'video', source: 'api', tags: [], authorId: 'u1', authorName: '某某', productIds: ['p1'], shopIds: ['s1', 's2'], roomId: 'r1',
    };
    const h = await pseudonymiseItem(item, SALT);
    expect(h).not.toHaveProperty('authorName');
    expect(h.shopIds).toEqual([await pseudonymise('s1', SALT), await pseudonymise('s2', SALT)]);
    expect(h.roomId).toBe(await pseudonymise('r1', SALT));
    expect(h.productIds).toEqual(['p1']);
  });
});

/** Ad facts: the markers that say an item is paid, and where it leads (PLATFORMS.md, "Item fields"). */
import type { AdFacts, Fact } from '../../model/item';
import { destinationKind } from './ad-destinations';
import { flag, meaningful, num, objField, read, str, val } from './read';

/** Fields of `raw_ad_data` that hold a destination URL. */
const DESTINATION_FIELDS = ['web_url', 'open_url', 'mp_url', 'landing_page_url'] as const;
const DOWNLOAD_FIELDS = ['download_url', 'app_download_url'] as const;
const APP_NAME_FIELDS = ['app_name', 'package', 'package_name'] as const;

export function extractAd(item: unknown, preloaded: boolean): AdFacts {
  const markers: Fact[] = [];
  const destinations: Fact<string>[] = [];
  const ad: AdFacts = { markers, destinations };
  if (preloaded) markers.push({ field: 'preload_ads[]', value: true });
  if (flag(item, 'is_ads')) markers.push({ field: read(item, 'is_ads')!.key, value: true });

  const raw = objField(item, 'raw_ad_data');
  if (raw && meaningful(raw.value)) {
    const r = raw.value;
    const k = raw.key;
    const label = str(val(r, 'label'), 'text');
    markers.push({ field: label ? `${k}.label.text` : k, value: label ?? 'non-empty' });
    for (const f of DESTINATION_FIELDS) {
      const u = str(r, f);
      if (u && /^(https?:)?\/\/|^[a-z][\w+.-]*:\/\//i.test(u)) destinations.push({ field: `${k}.${f}`, value: u });
    }
    for (const f of DOWNLOAD_FIELDS) {
      const u = str(r, f);
      if (u) ad.downloadUrl = { field: `${k}.${f}`, value: u };
    }
    for (const f of APP_NAME_FIELDS) {
      const n = str(r, f);
      if (n) ad.appName = { field: `${k}.${f}`, value: n };
    }
    const source = str(r, 'source') ?? str(r, 'web_title');
    if (source) ad.advertiser = { field: `${k}.source`, value: source };
    const type = str(r, 'type');
    if (type) ad.adType = { field: `${k}.type`, value: type };
  }

  // web_raw_data (JSON string) → brand_ad (JSON string) with is_ad 1.
  const web = objField(item, 'web_raw_data');
  const brand = web && objField(web.value, 'brand_ad');
  if (web && brand && (num(brand.value, 'is_ad') === 1 || flag(brand.value, 'is_ad'))) {
    const field = `${web.key}.${brand.key}.is_ad`;
    markers.push({ field, value: 1 });
    ad.brandAd = { field, value: true };
    const u = str(brand.value, 'web_url') ?? str(brand.value, 'open_url');
    if (u) destinations.push({ field: `${web.key}.${brand.key}.web_url`, value: u });
  }

  if (destinations.length) {
    ad.destinationKinds = [];
    for (const d of destinations) {
      const k = destinationKind(d.value);
      if (k) ad.destinationKinds.push({ field: d.field, url: d.value, kind: k.kind, rule: k.rule });
    }
  }
  if (ad.downloadUrl) (ad.destinationKinds ??= []).push({ field: ad.downloadUrl.field, url: ad.downloadUrl.value, kind: 'app-install', rule: 'download url' });
  return ad;
}

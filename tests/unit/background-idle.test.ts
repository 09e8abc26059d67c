import { describe, expect, it, vi } from 'vitest';
import { broadcastIdle, watchIdle } from '@/utils/background/idle';
import { idleStateOf } from '@/utils/content/idle-state';
import { IDLE_DETECTION_S } from '@/utils/journeys/definitions';

describe('idle relay', () => {
  it('tells every platform tab the new state, and survives a tab without our script', async () => {
    const sendMessage = vi.fn(async (tabId: number) => {
      if (tabId === 2) throw new Error('Could not establish connection. Receiving end does not exist.');
      return undefined;
    });
    const query = vi.fn(async () => [{ id: 1 }, { id: 2 }, { id: undefined }]);
    const sent = await broadcastIdle({ query, sendMessage } as never, ['https://www.douyin.com/*'], 'locked');
    expect(query).toHaveBeenCalledWith({ url: ['https://www.douyin.com/*'] });
    expect(sendMessage).toHaveBeenCalledWith(1, { type: 'bg-cs/idle', state: 'locked' });
    expect(sent).toBe(1);
  });

  it('sets the detection interval to the attention definition and relays each change', async () => {
    let listener: ((s: string) => void) | undefined;
    const idle = { setDetectionInterval: vi.fn(), onStateChanged: { addListener: (l: (s: string) => void) => (listener = l) } };
    const sendMessage = vi.fn(async () => undefined);
    watchIdle(idle as never, { query: async () => [{ id: 7 }], sendMessage } as never, ['https://www.douyin.com/*']);
    expect(idle.setDetectionInterval).toHaveBeenCalledWith(IDLE_DETECTION_S);
    listener!('idle');
    await vi.waitFor(() => expect(sendMessage).toHaveBeenCalledWith(7, { type: 'bg-cs/idle', state: 'idle' }));
  });

  it('the content side accepts only well-formed idle messages', () => {
    expect(idleStateOf({ type: 'bg-cs/idle', state: 'active' })).toBe('active');
    expect(idleStateOf({ type: 'bg-cs/idle', state: 'asleep' })).toBeNull();
    expect(idleStateOf({ type: 'cs-bg/items', state: 'idle' })).toBeNull();
    expect(idleStateOf(null)).toBeNull();
  });
});

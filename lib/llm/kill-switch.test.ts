import { describe, expect, it, vi } from "vitest";
import { cachedKillSwitch, KILL_SWITCH_TTL_MS } from "./kill-switch";

describe("cachedKillSwitch", () => {
  it("an admin's flip is read again once the last read is a TTL old, not before", async () => {
    let clock = 0;
    let stored = false;
    const read = vi.fn(async () => stored);
    const sw = cachedKillSwitch(read, () => clock, () => {});
    expect(await sw.isOn()).toBe(false);
    stored = true;
    clock = KILL_SWITCH_TTL_MS - 1;
    expect(await sw.isOn()).toBe(false);
    clock = KILL_SWITCH_TTL_MS;
    expect(await sw.isOn()).toBe(true);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it("a slow read does not stretch the TTL: the value counts as old as the moment the read began", async () => {
    let clock = 0;
    let stored = false;
    const sw = cachedKillSwitch(async () => {
      const value = stored;
      clock += 400;
      return value;
    }, () => clock, () => {});
    expect(await sw.isOn()).toBe(false);
    stored = true;
    clock = KILL_SWITCH_TTL_MS;
    expect(await sw.isOn()).toBe(true);
  });

  it("concurrent callers share one settings read", async () => {
    const read = vi.fn(async () => true);
    const sw = cachedKillSwitch(read, () => 0, () => {});
    expect(await Promise.all([sw.isOn(), sw.isOn(), sw.isOn()])).toEqual([true, true, true]);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it("a failed read keeps the admin's last known setting and is logged", async () => {
    let clock = 0;
    let fail = false;
    const log = vi.fn();
    const sw = cachedKillSwitch(async () => { if (fail) throw new Error("disk gone"); return true; }, () => clock, log);
    expect(await sw.isOn()).toBe(true);
    fail = true;
    clock = KILL_SWITCH_TTL_MS;
    expect(await sw.isOn()).toBe(true);
    expect(sw.lastKnown()).toBe(true);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/kill switch/), expect.any(Error));
  });
});

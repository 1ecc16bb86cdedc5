let ctx: AudioContext | null = null;

/**
 * A short low beep for a refused scan, so the clerk hears it without looking
 * at the screen. Silent where there is no Web Audio (tests, old engines).
 */
export function beep(frequency = 220, ms = 180): void {
  try {
    const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctor) return;
    ctx ??= new Ctor();
    if (ctx.state === 'suspended') void ctx.resume();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'square';
    osc.frequency.value = frequency;
    gain.gain.value = 0.08;
    osc.connect(gain).connect(ctx.destination);
    const now = ctx.currentTime;
    osc.start(now);
    osc.stop(now + ms / 1000);
  } catch {
    // No sound is better than a broken scan.
  }
}

let ctx: AudioContext | null = null;

/**
 * A short low beep for a refused scan, so the clerk hears it without looking
 * at the screen. Silent where there is no Web Audio (tests, old engines).
 */
export function beep(frequency = 220, ms = 180, type: OscillatorType = 'square', delayMs = 0): void {
  try {
    const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctor) return;
    ctx ??= new Ctor();
    if (ctx.state === 'suspended') void ctx.resume();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = type;
    osc.frequency.value = frequency;
    gain.gain.value = 0.08;
    osc.connect(gain).connect(ctx.destination);
    const now = ctx.currentTime + delayMs / 1000;
    osc.start(now);
    osc.stop(now + ms / 1000);
  } catch {
    // No sound is better than a broken scan.
  }
}

/** A short high chirp for a scan that was taken: heard, not intrusive. */
export function okBeep(): void {
  beep(1320, 70, 'sine');
}

/**
 * A long, two-tone low buzz for a scan that was refused (wrong item, too
 * many), unmistakably different from okBeep, for a picker looking at the shelf.
 */
export function errorBeep(): void {
  beep(180, 260, 'square');
  beep(140, 360, 'square', 300);
}

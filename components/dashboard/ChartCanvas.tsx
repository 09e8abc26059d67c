/**
 * One chart.js chart on a canvas. Only the pieces used are registered (bar and line charts, category and linear
 * scales, legend, tooltip), which keeps the bundle small; chart.js needs no eval, so the extension CSP holds.
 */
import { useEffect, useRef } from 'preact/hooks';
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
  type ChartConfiguration,
} from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export function ChartCanvas({ config, testId, label, height = 260 }: { config: ChartConfiguration; testId: string; label: string; height?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  useEffect(() => {
    const el = canvas.current;
    // No 2D context (a test DOM): render nothing rather than throw.
    if (!el || !el.getContext?.('2d')) return;
    chart.current?.destroy();
    chart.current = new Chart(el, config);
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [config]);
  return (
    <div class="chart" style={{ height: `${height}px` }} data-testid={testId}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}

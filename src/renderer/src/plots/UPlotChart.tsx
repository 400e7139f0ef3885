// A thin React wrapper around uPlot: creates the chart once per options object, updates data in
// place, and follows the container's width.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export function UPlotChart({
  options,
  data,
  testId,
}: {
  options: Omit<uPlot.Options, 'width'>;
  data: uPlot.AlignedData;
  testId?: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  /** The latest data, for a chart made anew when the options change. */
  const latestData = useRef(data);

  // Before the chart effect: when options and data change together the new chart starts with both.
  useEffect(() => {
    latestData.current = data;
    chart.current?.setData(data);
  }, [data]);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const plot = new uPlot(
      { ...options, width: Math.max(200, element.clientWidth) },
      latestData.current,
      element,
    );
    chart.current = plot;
    const observer = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(200, element.clientWidth), height: options.height }),
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
      chart.current = null;
    };
    // Data updates go through setData above; a new chart only for new options.
  }, [options]);

  return <div ref={container} className="chart" data-testid={testId} />;
}

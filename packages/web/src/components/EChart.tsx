/**
 * ECharts for the analysis pages (班子研判, 结构分析), tree-shaken like the profile's Chart: bar, line and radar only.
 * Only imported by lazily loaded pages, so it never reaches the login / roster bundle.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, RadarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';

echarts.use([BarChart, LineChart, RadarChart, GridComponent, LegendComponent, MarkLineComponent, RadarComponent, TooltipComponent, CanvasRenderer]);

export const PALETTE = ['#a8071a', '#8c8c8c', '#d48806', '#595959', '#cf1322', '#bfbfbf'];

export interface ChartClick {
  seriesIndex?: number;
  seriesName?: string;
  dataIndex: number;
  name: string;
  value: unknown;
}

export function EChart(props: { option: EChartsOption; height?: number; testId?: string; label?: string; onClick?: (p: ChartClick) => void }) {
  const { option, height = 280, testId, label, onClick } = props;
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => click.current?.(p as unknown as ChartClick));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ color: PALETTE, animationDuration: 300, ...option }, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={el}
      style={{ height, width: '100%', cursor: onClick ? 'pointer' : undefined }}
      data-testid={testId}
      role="img"
      aria-label={label}
    />
  );
}

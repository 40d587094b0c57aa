import { useMemo } from 'react';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

/**
 * Percentages of organisations as bars (得分率, 满意度 …): one colour for the normal case, another
 * for the flagged one (a veto, a shortfall), and an optional dashed line at a requirement.
 */
export function PercentBars({ rows, name, color, flagColor = '#cf1322', line }: { rows: { name: string; value: number; flagged?: boolean }[]; name: string; color: string; flagColor?: string; line?: { value: number; label: string } }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 50, right: 30, top: 30, bottom: 80 },
      xAxis: { type: 'category', data: rows.map((o) => o.name), axisLabel: { rotate: 30, interval: 0 } },
      yAxis: { type: 'value', name: `${name}%`, max: 100 },
      series: [
        {
          name,
          type: 'bar',
          data: rows.map((o) => ({ value: o.value, itemStyle: { color: o.flagged ? flagColor : color } })),
          label: { show: true, position: 'top', formatter: '{c}' },
          ...(line ? { markLine: { symbol: 'none', lineStyle: { color: '#fa8c16', type: 'dashed' }, label: { formatter: line.label }, data: [{ yAxis: line.value }] } } : {}),
        },
      ],
    }),
    [rows, name, color, flagColor, line],
  );
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: 320 }} notMerge />;
}

/**
 * Chart types only the reserve pages need (Sankey of the pool flows, funnel of the workflow), registered on the
 * shared ECharts core when a reserve page loads — never in the login / roster bundle.
 */
import * as echarts from 'echarts/core';
import { FunnelChart, SankeyChart } from 'echarts/charts';

echarts.use([SankeyChart, FunnelChart]);

export { EChart, PALETTE } from '../../components/EChart';

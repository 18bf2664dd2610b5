// Runs in: renderer. Shared lightweight-charts styling, matching the CSS variables in styles.css.
import { ColorType } from 'lightweight-charts';

export const CHART_COLORS = {
  panel: '#131722',
  grid: '#1f2533',
  text: '#8a91a3',
  border: '#2a3142',
  line: '#2962ff',
  up: '#26a69a',
  down: '#ef5350',
  warn: '#f0b90b',
} as const;

export const chartLayout = {
  layout: { background: { type: ColorType.Solid, color: CHART_COLORS.panel }, textColor: CHART_COLORS.text, attributionLogo: false, fontSize: 11 },
  grid: { vertLines: { color: CHART_COLORS.grid }, horzLines: { color: CHART_COLORS.grid } },
  rightPriceScale: { borderColor: CHART_COLORS.border },
  timeScale: { borderColor: CHART_COLORS.border },
  autoSize: true,
} as const;

// 效能 charts (/performance and the workbench dashboard): each .insight-chart is drawn with ECharts from its data
// attributes (labels, series names and values, percentages 0–100); the table beside it carries the same numbers and is
// what screen readers and browsers without JavaScript use.
document.addEventListener('DOMContentLoaded', function () {
  if (typeof echarts === 'undefined') {
    return;
  }
  document.querySelectorAll('.insight-chart').forEach(function (el) {
    var labels = (el.dataset.labels || '').split(',');
    var names = (el.dataset.names || '').split('|');
    var values = (el.dataset.series || '').split('|');
    if (labels.length === 0 || labels[0] === '') {
      return;
    }
    var line = el.dataset.kind === 'line';
    var series = names.map(function (name, i) {
      return {
        name: name, type: line ? 'line' : 'bar', connectNulls: true,
        data: (values[i] || '').split(',').map(function (v) { return v === '' ? null : parseFloat(v); })
      };
    });
    el.classList.add('insight-chart-drawn');
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '—' : v + '%'; } },
      legend: { data: names },
      grid: { left: 48, right: 16, bottom: 72 },
      xAxis: { type: 'category', data: labels, axisLabel: { rotate: labels.length > 4 ? 45 : 0, interval: 0, width: 80, overflow: 'truncate' } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
});

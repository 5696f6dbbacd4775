// The trends pages (监测预警、需求预测、企业趋势): draws each .trends-chart with ECharts from its data-chart options
// ({categories, series: [{name, type, data}]}). The same numbers are in the table beside it, which works without JS.
document.addEventListener('DOMContentLoaded', function () {
  if (typeof echarts === 'undefined') {
    return;
  }
  document.querySelectorAll('.trends-chart[data-chart]').forEach(function (el) {
    var options = JSON.parse(el.dataset.chart);
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: options.series.map(function (s) { return s.name; }) },
      grid: { left: 40, right: 16, bottom: 60 },
      xAxis: { type: 'category', data: options.categories, axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: options.series.map(function (s) { return { name: s.name, type: s.type, data: s.data, connectNulls: false }; })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
});

// 效能考核: a bar chart of the departments' monthly scores, drawn with ECharts from the data attributes of
// #assessment-chart (the same figures are in the table beside it, which screen readers and phones without JS use).
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('assessment-chart');
  if (!el || typeof echarts === 'undefined') {
    return;
  }
  var chart = echarts.init(el);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: (el.dataset.departments || '').split(','), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', name: el.dataset.label },
    series: [{ name: el.dataset.label, type: 'bar', data: (el.dataset.scores || '').split(',').map(parseFloat) }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
});

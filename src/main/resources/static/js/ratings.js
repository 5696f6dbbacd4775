// The public rating statistics page: a line chart of the good and active good rates over twelve months, drawn with
// ECharts from the data attributes of #rating-chart (the same figures are in the table below it, which screen readers use).
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('rating-chart');
  if (!el || typeof echarts === 'undefined') {
    return;
  }
  function values(name) {
    return (el.dataset[name] || '').split(',').map(function (v) { return v === '' ? null : Math.round(parseFloat(v) * 10000) / 100; });
  }
  var chart = echarts.init(el);
  chart.setOption({
    tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '—' : v + '%'; } },
    legend: { data: [el.dataset.labelGood, el.dataset.labelActive] },
    xAxis: { type: 'category', data: (el.dataset.months || '').split(',') },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: el.dataset.labelGood, type: 'line', connectNulls: true, data: values('good') },
      { name: el.dataset.labelActive, type: 'line', connectNulls: true, data: values('active') }
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
});

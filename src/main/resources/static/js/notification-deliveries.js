// The platform admin's delivery dashboard: messages per day over the last 30 days, stacked by where they stand, drawn
// with ECharts from the data attributes of #delivery-chart (the table below it has the same figures by channel).
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('delivery-chart');
  if (!el || typeof echarts === 'undefined') {
    return;
  }
  function values(name) {
    return (el.dataset[name] || '').split(',').map(function (v) { return v === '' ? 0 : parseInt(v, 10); });
  }
  var series = [
    ['delivered', el.dataset.labelDelivered, '#00703c'],
    ['sent', el.dataset.labelSent, '#1d70b8'],
    ['waiting', el.dataset.labelWaiting, '#b1b4b6'],
    ['failed', el.dataset.labelFailed, '#d4351c']
  ].map(function (s) {
    return { name: s[1], type: 'bar', stack: 'all', itemStyle: { color: s[2] }, data: values(s[0]) };
  });
  var chart = echarts.init(el);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: series.map(function (s) { return s.name; }) },
    xAxis: { type: 'category', data: (el.dataset.days || '').split(',') },
    yAxis: { type: 'value', minInterval: 1 },
    series: series
  });
  window.addEventListener('resize', function () { chart.resize(); });
});

// 叫号屏: follows the point's queue by server-sent events and reads each call aloud where the browser can speak.
// Without this script the page reloads itself (a meta refresh inside <noscript>).
(function () {
  'use strict';
  var body = document.body;
  var url = body.getAttribute('data-events');
  if (!url || !window.EventSource) {
    return;
  }
  var format = (document.getElementById('window-format') || {}).textContent || '{0}';
  function windowText(number) {
    return format.replace('{0}', number == null ? '' : number);
  }
  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
  }
  function render(update) {
    var now = document.getElementById('now');
    now.textContent = '';
    update.current.forEach(function (call) {
      var row = document.createElement('tr');
      cell(row, call.label);
      cell(row, windowText(call.window));
      now.appendChild(row);
    });
    document.getElementById('now-empty').classList.toggle('hidden', update.current.length > 0);
    var recent = document.getElementById('recent');
    recent.textContent = '';
    update.recent.forEach(function (call) {
      var item = document.createElement('li');
      item.textContent = call.label + ' → ' + windowText(call.window);
      recent.appendChild(item);
    });
    Object.keys(update.waiting).forEach(function (series) {
      var count = document.getElementById('waiting-' + series);
      if (count) {
        count.textContent = update.waiting[series];
      }
    });
  }
  function speak(text) {
    document.getElementById('announce').textContent = text;
    if (window.speechSynthesis && window.SpeechSynthesisUtterance) {
      var utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = 'zh-CN';
      utterance.rate = 0.9;
      window.speechSynthesis.speak(utterance);
    }
  }
  var source = new EventSource(url);
  source.addEventListener('update', function (event) {
    render(JSON.parse(event.data));
  });
  source.addEventListener('call', function (event) {
    var update = JSON.parse(event.data);
    render(update);
    if (update.announce) {
      speak(update.announce);
    }
  });
})();

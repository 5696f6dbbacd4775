// 线上帮办: new messages of the conversation appear without reloading. Every few seconds the page asks for the
// messages after the last one it shows and appends them; without JavaScript the 刷新 button does the same.
(function () {
  'use strict';
  var list = document.getElementById('messages');
  if (!list || !list.dataset.poll || !window.fetch) {
    return;
  }
  function lastId() {
    var items = list.querySelectorAll('li[data-id]');
    return items.length ? items[items.length - 1].getAttribute('data-id') : '0';
  }
  function poll() {
    fetch(list.dataset.poll + '?after=' + encodeURIComponent(lastId()), { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : ''; })
      .then(function (html) {
        if (!html || !html.trim()) {
          return;
        }
        var template = document.createElement('template');
        template.innerHTML = html.trim();
        var known = lastId();
        template.content.querySelectorAll('li[data-id]').forEach(function (item) {
          if (Number(item.getAttribute('data-id')) > Number(known)) {
            list.appendChild(item);
          }
        });
      })
      .catch(function () { /* the next poll tries again */ });
  }
  list.setAttribute('aria-live', 'polite');
  window.setInterval(poll, 3000);
}());

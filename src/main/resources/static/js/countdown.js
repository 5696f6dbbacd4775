// Counts the seconds until a new SMS code may be asked for, beside the time the page already states
// (the page works without this script). Elements: [data-countdown-until] holding an ISO instant, with a child
// [data-countdown-text] to write into.
(function () {
  'use strict';
  var zh = (document.documentElement.lang || '').indexOf('zh') === 0;
  document.querySelectorAll('[data-countdown-until]').forEach(function (el) {
    var until = Date.parse(el.getAttribute('data-countdown-until'));
    var text = el.querySelector('[data-countdown-text]');
    if (isNaN(until) || !text) {
      return;
    }
    function tick() {
      var left = Math.ceil((until - Date.now()) / 1000);
      if (left > 0) {
        text.textContent = zh ? '（还剩 ' + left + ' 秒）' : '(' + left + ' s left)';
        window.setTimeout(tick, 1000);
      } else {
        text.textContent = zh ? '（现在可以重新获取）' : '(you can ask for a new code now)';
      }
    }
    tick();
  });
})();
